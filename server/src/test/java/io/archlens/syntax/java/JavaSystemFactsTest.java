package io.archlens.syntax.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.code.Entity;
import io.archlens.code.Listen;
import io.archlens.code.ServiceUrl;
import io.archlens.filekind.FileKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listen, ServiceUrl, Entity and Shutdown facts of Java code. */
class JavaSystemFactsTest {
    private static CodeFacts facts(String text) {
        SourceFile f = new SourceFile("file:///w/src/main/java/A.java", "src/main/java/A.java", text, FileKind.JAVA, 0);
        return new JavaSourceParser().parse(f).model().facts();
    }

    private static String at(String text, Listen l) {
        return text.substring(l.range().start(), l.range().end());
    }

    @Test
    void portsTheCodeBinds() {
        String src = """
                import java.net.*;
                import org.springframework.boot.SpringApplication;
                class A {
                    void a(ConfigurableServletWebServerFactory factory) throws Exception {
                        factory.setPort(9090);
                        new ServerSocket(7000);
                        new InetSocketAddress(Integer.parseInt(System.getenv("PORT")));
                        new InetSocketAddress("proxy", 3128);
                        mailSender.setPort(587);
                        SpringApplication app = new SpringApplication(A.class);
                        app.setDefaultProperties(java.util.Map.of("server.port", "8081"));
                    }
                }
                """;
        List<Listen> l = facts(src).listens();
        assertEquals(4, l.size(), l.toString());
        assertEquals(9090, l.get(0).port());
        assertEquals("9090", at(src, l.get(0)));
        assertEquals(8081, l.get(1).port());
        assertEquals("server.port", l.get(1).key());
        assertEquals(7000, l.get(2).port());
        assertNull(l.get(3).port());
        assertEquals("PORT", l.get(3).key());
    }

    @Test
    void serviceUrlsNameAHost() {
        String src = """
                class A {
                    String a = "http://orders:8081/api/orders";
                    String b = "https://payments.shop.svc.cluster.local/pay";
                    String c = "http://";
                    String d = "see http://x in the docs";
                    String e = "http://${host}/x";
                }
                """;
        List<ServiceUrl> u = facts(src).urls();
        assertEquals(2, u.size(), u.toString());
        assertEquals("orders", u.get(0).host());
        assertEquals(8081, u.get(0).port());
        assertEquals("http", u.get(0).scheme());
        assertEquals("payments.shop.svc.cluster.local", u.get(1).host());
        assertNull(u.get(1).port());
    }

    @Test
    void entitiesMapTablesAndColumnsWithSpringNaming() {
        String src = """
                import jakarta.persistence.*;
                @Entity
                @Table(name = "customer_orders")
                class CustomerOrder {
                    @Id Long id;
                    @Column(name = "mail") String email;
                    String shippingAddress;
                    @ManyToOne Customer customer;
                    @ManyToOne @JoinColumn(name = "warehouse") Warehouse store;
                    @OneToMany(mappedBy = "order") java.util.List<Line> lines;
                    @Transient String cached;
                    static final long serialVersionUID = 1L;
                }
                @Entity class OrderLine { @Id Long id; }
                """;
        List<Entity> e = facts(src).entities();
        assertEquals(2, e.size());
        assertEquals("customer_orders", e.get(0).table());
        assertEquals(List.of("id", "mail", "shipping_address", "customer_id", "warehouse"),
                e.get(0).columns().stream().map(Entity.Column::name).toList());
        assertEquals("order_line", e.get(1).table());
        assertEquals("\"customer_orders\"", src.substring(e.get(0).range().start(), e.get(0).range().end()));
        assertEquals("OrderLine", src.substring(e.get(1).range().start(), e.get(1).range().end()));
    }

    @Test
    void repositoryFindersFilterOnColumns() {
        String src = """
                interface Orders extends JpaRepository<CustomerOrder, Long> {
                    List<CustomerOrder> findByEmailAndStatusOrderByCreatedAtDesc(String e, String s);
                    long countByShippingAddressIgnoreCase(String a);
                    Optional<CustomerOrder> findFirstByCreatedAtGreaterThan(Instant t);
                    @Query("select o from CustomerOrder o") List<CustomerOrder> custom();
                    void save2(CustomerOrder o);
                }
                """;
        List<Entity> e = facts(src).entities();
        assertEquals(1, e.size());
        assertEquals("CustomerOrder", e.get(0).name());
        assertNull(e.get(0).table());
        assertEquals(List.of(List.of("email", "status"), List.of("shipping_address"), List.of("created_at")),
                e.get(0).finders().stream().map(Entity.Finder::columns).toList());
    }

    @Test
    void routesOfEveryPathAndAnyPathWhenNotALiteral() {
        String src = """
                @RestController
                @RequestMapping("/api")
                class A {
                    static final String P = "/p";
                    @GetMapping({"/a", "/b"}) Object ab() { return null; }
                    @PostMapping(P) Object p() { return null; }
                }
                """;
        assertEquals(List.of("GET /api/a", "GET /api/b", "POST /api/**"),
                facts(src).routes().stream().map(r -> r.method() + " " + r.path()).toList());
    }

    @Test
    void javaLeavesShutdownToTheFramework() {
        assertEquals(CodeFacts.Shutdown.UNKNOWN, facts("class A { void main() {} }").shutdown());
        assertTrue(JavaEntities.snake("userID").equals("userid") && JavaEntities.snake("OrderLine").equals("order_line"));
    }
}
