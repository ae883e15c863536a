package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.eval.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Ingress from the whole internet to SSH, RDP or a database port: AWS security groups (inline ingress,
 * aws_security_group_rule, aws_vpc_security_group_ingress_rule), GCP firewalls, Azure NSG rules.
 */
public final class SecurityGroupOpenToWorld extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/security-group-open-to-world",
            "Firewall rule opens SSH, RDP or a database port to the internet", Severity.ERROR, Category.SECURITY,
            FileKind.TERRAFORM);

    /** Ports an attacker scans for first, and what listens there. */
    static final Map<Integer, String> SENSITIVE = new LinkedHashMap<>();

    static {
        SENSITIVE.put(22, "SSH");
        SENSITIVE.put(3389, "RDP");
        SENSITIVE.put(3306, "MySQL");
        SENSITIVE.put(5432, "PostgreSQL");
        SENSITIVE.put(1433, "SQL Server");
        SENSITIVE.put(1521, "Oracle");
        SENSITIVE.put(27017, "MongoDB");
        SENSITIVE.put(6379, "Redis");
        SENSITIVE.put(11211, "Memcached");
        SENSITIVE.put(9200, "Elasticsearch");
        SENSITIVE.put(5439, "Redshift");
        SENSITIVE.put(9042, "Cassandra");
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
                "google_compute_firewall", "azurerm_network_security_rule", "azurerm_network_security_group",
                "aws_eks_node_group");
    }

    @Override
    void judge(Subject s) {
        HclBlock r = s.block();
        switch (s.type()) {
            case "aws_security_group" -> {
                // inline and dynamic ingress blocks, and the `ingress = [{...}]` attribute syntax
                for (HclBlock in : s.blocks(r, "ingress")) {
                    aws(s, in, "protocol", "cidr_blocks", "ipv6_cidr_blocks");
                }
            }
            case "aws_security_group_rule" -> {
                if (TfArgs.is(s.attr("type"), "ingress")) {
                    aws(s, r, "protocol", "cidr_blocks", "ipv6_cidr_blocks");
                }
            }
            case "aws_vpc_security_group_ingress_rule" -> aws(s, r, "ip_protocol", "cidr_ipv4", "cidr_ipv6");
            case "google_compute_firewall" -> gcp(s, r);
            case "azurerm_network_security_rule" -> azure(s, r);
            case "azurerm_network_security_group" -> {
                for (HclBlock sr : s.blocks(r, "security_rule")) {
                    azure(s, sr);
                }
            }
            default -> {
                HclBlock ra = s.block(r, "remote_access");
                if (ra != null && ra.value("ec2_ssh_key") != null && ra.value("source_security_group_ids") == null) {
                    s.missing(ra.typeRange(), "Node group " + r.label(1) + " allows SSH with a key but names no"
                            + " source_security_group_ids: EKS then opens port 22 on the nodes to 0.0.0.0/0;"
                            + " list the security groups allowed to connect, or use SSM Session Manager", null);
                }
            }
        }
    }

    static boolean isWorld(String cidr) {
        if (cidr == null) {
            return false;
        }
        String c = cidr.trim();
        return c.equals("0.0.0.0/0") || c.equals("::/0") || c.equals("*") || c.equalsIgnoreCase("Internet")
                || c.equalsIgnoreCase("Any") || c.equals("0.0.0.0");
    }

    private static void aws(Subject s, HclBlock in, String protocol, String... sources) {
        String proto = text(s.attr(in, protocol));
        String exposed;
        if (proto != null && (proto.equals("-1") || proto.equalsIgnoreCase("all"))) {
            exposed = "every port (protocol -1)";
        } else if (proto != null && (proto.equalsIgnoreCase("icmp") || proto.equalsIgnoreCase("icmpv6")
                || proto.equals("1") || proto.equals("58"))) {
            return;
        } else {
            Double lo = num(s.attr(in, "from_port"));
            Double hi = num(s.attr(in, "to_port"));
            if (lo == null && hi == null) {
                return;
            }
            if (lo == null) {
                lo = hi;
            }
            if (hi == null) {
                hi = lo;
            }
            // -1 stands for every port (as for protocol -1)
            exposed = lo < 0 || hi < 0 ? "every port" : sensitiveIn(lo.intValue(), hi.intValue());
            if (exposed == null) {
                return;
            }
        }
        for (String src : sources) {
            world(s, in, s.attr(in, src), exposed, SecurityGroupOpenToWorld::isWorld);
        }
    }

    private static Double num(Subject.Attr a) {
        return a == null ? null : a.num();
    }

    /** A known string, or a number as Terraform writes it ("22", "-1"); else null. */
    private static String text(Subject.Attr a) {
        return a == null || !a.value().known() ? null : a.value().str();
    }

    /**
     * Reports the sources in {@code a} that are the whole internet: each item of a list written right here on the
     * item (its value may come from a variable or local), else the argument as a whole when its evaluated value
     * (a variable's default, {@code .tfvars}, a local, a module argument) holds such a range.
     */
    private static void world(Subject s, HclBlock in, Subject.Attr a, String exposed, Predicate<String> isWorld) {
        if (a == null) {
            return;
        }
        HclExpr e = a.attr().value();
        if (e instanceof HclExpr.Tuple t) {
            for (HclExpr item : t.items()) {
                Value v = s.eval(in, item);
                String c = v.known() ? v.str() : null;
                if (c != null && isWorld.test(c)) {
                    s.bad(new Subject.Attr(new HclAttribute(a.attr().name(), a.attr().nameRange(), item, item.range()),
                            v), message(c, exposed), null);
                }
            }
            return;
        }
        List<String> cidrs = TfArgs.strings(a.value());
        for (String c : cidrs == null ? List.<String>of() : cidrs) {
            if (isWorld.test(c)) {
                s.bad(a, message(c, exposed), null);
                return;
            }
        }
    }

    /** The sensitive ports in [lo, hi] as text ("port 22 (SSH)"), or null. */
    static String sensitiveIn(int lo, int hi) {
        if (lo <= 0 && hi >= 65535 || lo == 0 && hi == 0) {
            return "every port";
        }
        List<String> hit = new ArrayList<>();
        for (Map.Entry<Integer, String> e : SENSITIVE.entrySet()) {
            if (e.getKey() >= lo && e.getKey() <= hi) {
                hit.add(e.getKey() + " (" + e.getValue() + ")");
            }
        }
        if (hit.isEmpty()) {
            return null;
        }
        if (hit.size() > 3) {
            return "ports " + String.join(", ", hit.subList(0, 3)) + " and more";
        }
        return (hit.size() == 1 ? "port " : "ports ") + String.join(", ", hit);
    }

    /** A port spec such as "22", "20-30", "*" (Azure/GCP). */
    static String sensitiveInSpec(String spec) {
        if (spec == null) {
            return null;
        }
        String s = spec.trim();
        if (s.equals("*")) {
            return "every port";
        }
        int dash = s.indexOf('-');
        try {
            if (dash > 0) {
                return sensitiveIn(Integer.parseInt(s.substring(0, dash).trim()),
                        Integer.parseInt(s.substring(dash + 1).trim()));
            }
            int p = Integer.parseInt(s);
            return sensitiveIn(p, p);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void gcp(Subject s, HclBlock r) {
        String dir = text(s.attr("direction"));
        if (dir != null && !dir.equalsIgnoreCase("INGRESS")) {
            return;
        }
        String exposed = null;
        for (HclBlock allow : s.blocks(r, "allow")) {
            String proto = text(s.attr(allow, "protocol"));
            if (proto != null && !(proto.equalsIgnoreCase("tcp") || proto.equalsIgnoreCase("all")
                    || proto.equalsIgnoreCase("udp"))) {
                continue;
            }
            Subject.Attr ports = s.attr(allow, "ports");
            if (ports == null) {
                exposed = "every port";
                break;
            }
            exposed = firstSensitive(TfArgs.strings(ports.value()));
            if (exposed != null) {
                break;
            }
        }
        if (exposed != null) {
            world(s, r, s.attr("source_ranges"), exposed, v -> v.equals("0.0.0.0/0") || v.equals("::/0"));
        }
    }

    /** The first port spec of {@code specs} ("22", "20-30", "*") that holds a sensitive port, as text; or null. */
    private static String firstSensitive(List<String> specs) {
        for (String spec : specs == null ? List.<String>of() : specs) {
            String e = sensitiveInSpec(spec);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static void azure(Subject s, HclBlock r) {
        String dir = text(s.attr(r, "direction"));
        String access = text(s.attr(r, "access"));
        if (dir == null || access == null || !dir.equalsIgnoreCase("Inbound") || !access.equalsIgnoreCase("Allow")) {
            return;
        }
        String proto = text(s.attr(r, "protocol"));
        if (proto != null && proto.toLowerCase(Locale.ROOT).startsWith("icmp")) {
            return;
        }
        String exposed = sensitiveInSpec(text(s.attr(r, "destination_port_range")));
        if (exposed == null) {
            Subject.Attr ranges = s.attr(r, "destination_port_ranges");
            exposed = ranges == null ? null : firstSensitive(TfArgs.strings(ranges.value()));
        }
        if (exposed != null) {
            world(s, r, s.attr(r, "source_address_prefix"), exposed, SecurityGroupOpenToWorld::isWorld);
            world(s, r, s.attr(r, "source_address_prefixes"), exposed, SecurityGroupOpenToWorld::isWorld);
        }
    }

    private static String message(String cidr, String exposed) {
        return "Ingress from " + cidr + " opens " + exposed + " to the whole internet; allow only a VPN, bastion or"
                + " office range (or use a managed session service instead of an open port)";
    }
}
