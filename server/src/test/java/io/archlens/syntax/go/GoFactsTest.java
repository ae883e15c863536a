package io.archlens.syntax.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.code.HttpClientFact;
import io.archlens.code.Listen;
import io.archlens.code.Route;
import io.archlens.code.Sink;
import io.archlens.code.StringBuild;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.treesitter.CodeTreeParser;
import io.archlens.syntax.treesitter.Grammar;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GoFactsTest {
    private static CodeFacts facts(String body) {
        String src = "package main\n\n" + body;
        SourceFile f = SourceFile.of("main.go", src, FileKind.GO);
        return new CodeTreeParser(x -> Grammar.GO, GoFacts::extract, p -> false).parse(f).model().facts();
    }

    @Test
    void httpClientsAndTheirTimeouts() {
        CodeFacts f = facts("""
                func a() { http.Get(u) }
                func b() { c := &http.Client{Timeout: 5 * time.Second}; c.Get(u) }
                func c() { c := &http.Client{}; c.Timeout = time.Second }
                func d() { t := &http.Transport{ResponseHeaderTimeout: time.Second}; _ = &http.Client{Transport: t} }
                func e() { _ = http.Client{Transport: &http.Transport{}} }
                func g(ctx context.Context) { ctx, cancel := context.WithTimeout(ctx, time.Second); http.DefaultClient.Do(r) }
                """);
        List<HttpClientFact> cs = f.httpClients().stream()
                .sorted(java.util.Comparator.comparingInt(c -> c.range().start())).toList();
        assertEquals(6, cs.size());
        assertEquals(List.of(true, false, false, false, true, false),
                cs.stream().map(HttpClientFact::waitsForever).toList());
        assertTrue(cs.stream().allMatch(c -> c.library().equals("go-http")));
        assertEquals("a", cs.get(0).function());
        assertTrue(cs.get(5).configuredElsewhere());
        assertFalse(f.remoteCalls().isEmpty());
    }

    @Test
    void sinksKnowHowTheirStringWasBuilt() {
        CodeFacts f = facts("""
                func q(db *sql.DB, name string, id int) {
                    db.Query("SELECT * FROM t WHERE n = '" + name + "'")
                    s := fmt.Sprintf("SELECT * FROM t WHERE n = '%s'", name)
                    db.Exec(s)
                    db.Exec(fmt.Sprintf("DELETE FROM t WHERE id = %d", id))
                    db.Query("SELECT 1 FROM t WHERE n = $1", name)
                    db.Query(name)
                    cache.Get(name)
                    exec.Command("sh", "-c", "ls " + name)
                    exec.Command("ls", name)
                }
                """);
        List<Sink> sql = f.sinks().stream().filter(s -> s.kind() == Sink.Kind.SQL).toList();
        assertEquals(List.of(StringBuild.How.CONCATENATION, StringBuild.How.FORMAT, StringBuild.How.CONSTANT,
                StringBuild.How.LITERAL), sql.stream().map(s -> s.built().how()).toList());
        assertEquals("db.Query", sql.get(0).api());
        assertTrue(sql.get(1).built().origin().contains("line 5"));
        List<Sink> cmd = f.sinks().stream().filter(s -> s.kind() == Sink.Kind.COMMAND).toList();
        assertEquals(2, cmd.size());
        assertTrue(cmd.get(0).shell());
        assertTrue(cmd.get(0).built().assembledFromValues());
        assertFalse(cmd.get(1).shell());
        assertEquals(StringBuild.How.LITERAL, cmd.get(1).built().how());
    }

    @Test
    void driversOrmConditionsBuildersAndNumbers() {
        CodeFacts f = facts("""
                func q(ctx context.Context, conn *pgx.Conn, db *gorm.DB, name string, raw string, n int) {
                    conn.Query(ctx, "SELECT * FROM t WHERE n = '" + name + "'")
                    db.Where("n = '" + name + "'").Find(&x)
                    var sb strings.Builder
                    sb.WriteString("SELECT * FROM t WHERE id IN (")
                    sb.WriteString("?)")
                    db.Raw(sb.String())
                    id, _ := strconv.Atoi(raw)
                    db.Exec("DELETE FROM t WHERE id = " + id)
                    db.Exec("DELETE FROM t WHERE id = " + n)
                    var w strings.Builder
                    w.WriteString("SELECT * FROM t WHERE n = ")
                    w.WriteString(name)
                    db.Raw(w.String())
                }
                """);
        assertEquals(List.of("conn.Query CONCATENATION", "db.Where CONCATENATION", "db.Raw CONSTANT",
                "db.Exec CONSTANT", "db.Exec CONSTANT", "db.Raw BUILDER"), f.sinks().stream()
                .map(s -> s.api() + " " + s.built().how()).toList());
    }

    @Test
    void originsNameWhereTheStatementWasAssembled() {
        CodeFacts f = facts("""
                func q(db *sql.DB, pdb *pg.DB, r *http.Request) {
                    id := r.URL.Query().Get("id")
                    db.Exec("DELETE FROM t WHERE id = " + id)
                    var sb strings.Builder
                    sb.WriteString("SELECT * FROM t WHERE id = ")
                    sb.WriteString(id)
                    stmt := sb.String()
                    db.Exec(stmt)
                    pdb.Model(&x).ColumnExpr(fmt.Sprintf("count(%s)", id)).Select(&y)
                    pdb.Model(&x).ColumnExpr("count(*)").Select(&y)
                    other.ColumnExpr(id)
                }
                """);
        List<Sink> sql = f.sinks();
        assertEquals(4, sql.size());
        assertNull(sql.get(0).built().origin()); // concatenated in place, not "variable 'id' built at..."
        assertEquals("variable 'stmt' from 'sb' written at line 8", sql.get(1).built().origin());
        assertEquals(StringBuild.How.FORMAT, sql.get(2).built().how());
        assertEquals(StringBuild.How.LITERAL, sql.get(3).built().how());
    }

    @Test
    void envReadsWithDefaults() {
        CodeFacts f = facts("""
                func main() {
                    port := os.Getenv("PORT")
                    if port == "" {
                        port = "8080"
                    }
                    dsn := os.Getenv("DATABASE_URL")
                    v, ok := os.LookupEnv("MODE")
                    if !ok {
                        v = "prod"
                    }
                    os.Getenv(key)
                }
                """);
        List<ConfigRead> r = f.configReads();
        assertEquals(4, r.size());
        assertEquals("PORT", r.get(0).key());
        assertEquals("8080", r.get(0).fallback());
        assertEquals("DATABASE_URL", r.get(1).key());
        assertNull(r.get(1).fallback());
        assertEquals("prod", r.get(2).fallback());
        assertTrue(r.stream().allMatch(c -> c.source().equals("env")));
        assertNull(r.get(3).key());
    }

    @Test
    void routesOfNetHttpChiGinEchoAndGorilla() {
        CodeFacts f = facts("""
                func main() {
                    http.HandleFunc("/health", health)
                    mux.HandleFunc("GET /items/{id}", h.getItem)
                    r.HandleFunc("/users", users).Methods("POST")
                    cr.Get("/orders", listOrders)
                    cr.Route("/api", func(r chi.Router) {
                        r.Post("/pay", pay)
                    })
                    v1 := g.Group("/v1")
                    v1.GET("/books/:id", getBook)
                    e.DELETE("/books/:id", func(c echo.Context) error { return nil })
                    cache.Get("key", &v)
                }
                """);
        List<String> routes = f.routes().stream().map(r -> r.method() + " " + r.path() + " " + r.handler())
                .collect(Collectors.toList());
        assertEquals(List.of("* /health health", "GET /items/{id} h.getItem", "POST /users users",
                "GET /orders listOrders", "POST /api/pay pay", "GET /v1/books/:id getBook", "DELETE /books/:id null"),
                routes);
    }

    @Test
    void listensOnLiteralPortsAndEnvironmentKeys() {
        CodeFacts f = facts("""
                func a() { http.ListenAndServe(":8080", nil) }
                func b() { srv := &http.Server{Addr: ":" + os.Getenv("PORT")}; srv.ListenAndServe() }
                func c() {
                    port := os.Getenv("HTTP_PORT")
                    if port == "" {
                        port = "9090"
                    }
                    http.ListenAndServe(":"+port, nil)
                }
                func d() { lis, _ := net.Listen("tcp", "0.0.0.0:50051"); _ = lis }
                func e() { e.Start(":1323") }
                """);
        List<Listen> l = f.listens();
        assertEquals(5, l.size(), l.toString());
        assertEquals(8080, l.get(0).port());
        assertEquals("HTTP_PORT", l.get(1).key());
        assertEquals(9090, l.get(1).port());
        assertEquals(50051, l.get(2).port());
        assertEquals(1323, l.get(3).port());
        assertEquals("PORT", l.get(4).key());
        assertNull(l.get(4).port());
    }

    @Test
    void envHelpersOfTheFileCountAsReads() {
        CodeFacts f = facts("""
                func getEnv(key, fallback string) string {
                    if v, ok := os.LookupEnv(key); ok {
                        return v
                    }
                    return fallback
                }
                func main() {
                    dsn := getEnv("DATABASE_URL", "postgres://localhost/app")
                    http.ListenAndServe(":"+getEnv("PORT", "8080"), nil)
                }
                """);
        List<String> reads = f.configReads().stream().map(r -> r.key() + "=" + r.fallback()).toList();
        assertEquals(List.of("null=null", "DATABASE_URL=postgres://localhost/app", "PORT=8080"), reads);
        assertEquals("PORT", f.listens().get(0).key());
        assertEquals(8080, f.listens().get(0).port());
    }

    @Test
    void shutdownHandling() {
        assertEquals(CodeFacts.Shutdown.NOT_HANDLED, facts("func main() { http.ListenAndServe(\":8080\", nil) }").shutdown());
        assertEquals(CodeFacts.Shutdown.HANDLED, facts("""
                func main() {
                    go srv.ListenAndServe()
                    ch := make(chan os.Signal, 1)
                    signal.Notify(ch, syscall.SIGTERM, os.Interrupt)
                    <-ch
                    srv.Shutdown(ctx)
                }
                """).shutdown());
        assertEquals(CodeFacts.Shutdown.HANDLED, facts("""
                func main() {
                    ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
                    defer stop()
                    r.Run()
                }
                """).shutdown());
        // SIGINT only: an orchestrator's SIGTERM still kills the process mid-request
        assertEquals(CodeFacts.Shutdown.NOT_HANDLED, facts("""
                func main() {
                    signal.Notify(ch, os.Interrupt)
                    http.ListenAndServe(":8080", nil)
                }
                """).shutdown());
        assertEquals(CodeFacts.Shutdown.UNKNOWN, facts("func helper() { fmt.Println(1) }").shutdown());
    }

    @Test
    void serviceUrlsAndGormEntities() {
        CodeFacts f = facts("""
                const inventory = "http://inventory:8080/api"
                var tmpl = "http://%s:8080"
                type User struct {
                    gorm.Model
                    Email    string `gorm:"column:email_address"`
                    FullName string
                    Secret   string `gorm:"-"`
                }
                type Order struct { ID int }
                func (Order) TableName() string { return "orders_v2" }
                """);
        assertEquals(1, f.urls().size());
        assertEquals("inventory", f.urls().get(0).host());
        assertEquals(8080, f.urls().get(0).port());
        assertEquals(List.of("User users [email_address, full_name]", "Order orders_v2 [id]"), f.entities().stream()
                .map(e -> e.name() + " " + e.table() + " " + e.columns().stream().map(c -> c.name()).toList()).toList());
    }

    @Test
    void routeRecordsKeepTheirRange() {
        CodeFacts f = facts("func main() { http.HandleFunc(\"/x\", h) }\n");
        Route r = f.routes().get(0);
        assertTrue(r.range().end() > r.range().start());
    }

    @Test
    void routersMountedUnderPrefixes() {
        CodeFacts f = facts("""
                import (
                	"net/http"
                	"github.com/go-chi/chi/v5"
                )

                func routes(r chi.Router, api http.Handler, prefix string) {
                	r.Mount("/api", api)
                	r.Mount(prefix, api)
                	http.Handle("/static/", http.StripPrefix("/static", api))
                }
                """);
        assertEquals(java.util.Arrays.asList("/api", null, "/static"),
                f.mounts().stream().map(io.archlens.code.Mount::prefix).toList());
    }

    @Test
    void structTagsOfEnvLibrariesAreReads() {
        CodeFacts f = facts("""
                import "github.com/caarlos0/env/v11"

                type Config struct {
                	Port    string `env:"HTTP_PORT,required"`
                	Level   string `env:"LOG_LEVEL" envDefault:"info"`
                	Prefork bool   `env:"HTTP_PREFORK"`
                	Secret  string `env:"JWT_SECRET,required" envDefault:"dev"`
                	Skip    string `json:"skip"`
                }

                func load() (Config, error) { var c Config; return c, env.Parse(&c) }
                """);
        java.util.Map<String, String> r = new java.util.LinkedHashMap<>();
        for (ConfigRead c : f.configReads()) {
            r.put(c.key(), c.fallback());
        }
        assertEquals(java.util.Arrays.asList("HTTP_PORT", "LOG_LEVEL", "HTTP_PREFORK", "JWT_SECRET"),
                new java.util.ArrayList<>(r.keySet()));
        assertNull(r.get("HTTP_PORT"), "required, no default");
        assertEquals("info", r.get("LOG_LEVEL"));
        assertEquals("", r.get("HTTP_PREFORK"), "not required: the zero value");
        assertEquals("dev", r.get("JWT_SECRET"));
    }

    @Test
    void aPresenceTestMakesTheReadOptional() {
        CodeFacts f = facts("""
                import "os"

                func main() {
                	if os.Getenv("CI") != "" {
                		return
                	}
                	dsn := os.Getenv("DSN")
                	_ = dsn
                }
                """);
        java.util.Map<String, String> r = new java.util.LinkedHashMap<>();
        for (ConfigRead c : f.configReads()) {
            r.put(c.key(), c.fallback());
        }
        assertEquals("", r.get("CI"));
        assertTrue(r.containsKey("DSN") && r.get("DSN") == null, r.toString());
    }

    @Test
    void aRouteWithAComputedPathServesAnyPath() {
        CodeFacts f = facts("""
                import "github.com/gorilla/mux"

                func (s *Server) routes(r *mux.Router) {
                	r.HandleFunc(s.prefixed("/version"), s.version).Methods("GET")
                	r.HandleFunc("/healthz", s.health)
                }
                """);
        assertEquals(List.of("* /** s.version", "* /healthz s.health"),
                f.routes().stream().map(r -> r.method() + " " + r.path() + " " + r.handler()).toList());
    }
}
