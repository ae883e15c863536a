package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclExpr;
import io.archlens.syntax.hcl.HclFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ingress from the whole internet to SSH, RDP or a database port: AWS security groups (inline ingress,
 * aws_security_group_rule, aws_vpc_security_group_ingress_rule), GCP firewalls, Azure NSG rules.
 */
public final class SecurityGroupOpenToWorld implements Rule<HclFile> {
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
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock r : Tf.resources(f)) {
            switch (r.label(0)) {
                case "aws_security_group":
                    for (HclBlock in : r.blocks("ingress")) {
                        awsRule(ctx, in.value("from_port"), in.value("to_port"), in.value("protocol"),
                                concat(Tf.items(in.value("cidr_blocks")), Tf.items(in.value("ipv6_cidr_blocks"))));
                    }
                    // ingress = [{...}] attribute syntax
                    for (HclExpr item : Tf.items(r.value("ingress"))) {
                        if (item instanceof HclExpr.Obj o) {
                            awsRule(ctx, o.get("from_port"), o.get("to_port"), o.get("protocol"),
                                    concat(Tf.items(o.get("cidr_blocks")), Tf.items(o.get("ipv6_cidr_blocks"))));
                        }
                    }
                    break;
                case "aws_security_group_rule":
                    if ("ingress".equals(Tf.attrStr(r, "type"))) {
                        awsRule(ctx, r.value("from_port"), r.value("to_port"), r.value("protocol"),
                                concat(Tf.items(r.value("cidr_blocks")), Tf.items(r.value("ipv6_cidr_blocks"))));
                    }
                    break;
                case "aws_vpc_security_group_ingress_rule": {
                    List<HclExpr> cidrs = new ArrayList<>();
                    if (r.value("cidr_ipv4") != null) {
                        cidrs.add(r.value("cidr_ipv4"));
                    }
                    if (r.value("cidr_ipv6") != null) {
                        cidrs.add(r.value("cidr_ipv6"));
                    }
                    awsRule(ctx, r.value("from_port"), r.value("to_port"), r.value("ip_protocol"), cidrs);
                    break;
                }
                case "google_compute_firewall":
                    gcp(ctx, r);
                    break;
                case "azurerm_network_security_rule":
                    azure(ctx, r);
                    break;
                case "aws_eks_node_group": {
                    HclBlock ra = r.block("remote_access");
                    if (ra != null && ra.value("ec2_ssh_key") != null && ra.value("source_security_group_ids") == null) {
                        ctx.report(ra.typeRange(), "Node group " + r.label(1) + " allows SSH with a key but names no"
                                + " source_security_group_ids: EKS then opens port 22 on the nodes to 0.0.0.0/0;"
                                + " list the security groups allowed to connect, or use SSM Session Manager");
                    }
                    break;
                }
                case "azurerm_network_security_group":
                    for (HclBlock sr : r.blocks("security_rule")) {
                        azure(ctx, sr);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private static List<HclExpr> concat(List<HclExpr> a, List<HclExpr> b) {
        List<HclExpr> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static boolean isWorld(String cidr) {
        if (cidr == null) {
            return false;
        }
        String c = cidr.trim();
        return c.equals("0.0.0.0/0") || c.equals("::/0") || c.equals("*") || c.equalsIgnoreCase("Internet")
                || c.equalsIgnoreCase("Any") || c.equals("0.0.0.0");
    }

    private static void awsRule(RuleContext ctx, HclExpr from, HclExpr to, HclExpr protocol, List<HclExpr> cidrs) {
        String proto = Tf.str(protocol);
        if (proto == null && protocol instanceof HclExpr.Num n) {
            proto = n.text();
        }
        String exposed;
        if (proto != null && (proto.equals("-1") || proto.equalsIgnoreCase("all"))) {
            exposed = "every port (protocol -1)";
        } else if (proto != null && (proto.equalsIgnoreCase("icmp") || proto.equalsIgnoreCase("icmpv6")
                || proto.equals("1") || proto.equals("58"))) {
            return;
        } else {
            Double lo = port(from);
            Double hi = port(to);
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
        for (HclExpr c : cidrs) {
            if (isWorld(Tf.str(c))) {
                report(ctx, c, exposed);
            }
        }
    }

    /** A literal port number, negative ones ("-1") included; null when not a literal. */
    private static Double port(HclExpr e) {
        if (e instanceof HclExpr.Other o && o.kind().equals("unary -") && o.parts().size() == 1) {
            Double n = Tf.num(o.parts().get(0));
            return n == null ? null : -n;
        }
        return Tf.num(e);
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

    private static void gcp(RuleContext ctx, HclBlock r) {
        String dir = Tf.attrStr(r, "direction");
        if (dir != null && !dir.equalsIgnoreCase("INGRESS")) {
            return;
        }
        String exposed = null;
        for (HclBlock allow : r.blocks("allow")) {
            String proto = Tf.attrStr(allow, "protocol");
            if (proto != null && !(proto.equalsIgnoreCase("tcp") || proto.equalsIgnoreCase("all")
                    || proto.equalsIgnoreCase("udp"))) {
                continue;
            }
            HclExpr ports = allow.value("ports");
            if (ports == null) {
                exposed = "every port";
                break;
            }
            for (HclExpr p : Tf.items(ports)) {
                String e = sensitiveInSpec(p instanceof HclExpr.Num n ? n.text() : Tf.str(p));
                if (e != null) {
                    exposed = e;
                    break;
                }
            }
            if (exposed != null) {
                break;
            }
        }
        if (exposed == null) {
            return;
        }
        for (HclExpr c : Tf.items(r.value("source_ranges"))) {
            String v = Tf.str(c);
            if (v != null && (v.equals("0.0.0.0/0") || v.equals("::/0"))) {
                report(ctx, c, exposed);
            }
        }
    }

    private static void azure(RuleContext ctx, HclBlock r) {
        if (r == null) {
            return;
        }
        String dir = Tf.attrStr(r, "direction");
        String access = Tf.attrStr(r, "access");
        if (dir == null || access == null || !dir.equalsIgnoreCase("Inbound") || !access.equalsIgnoreCase("Allow")) {
            return;
        }
        String proto = Tf.attrStr(r, "protocol");
        if (proto != null && proto.toLowerCase(Locale.ROOT).startsWith("icmp")) {
            return;
        }
        String exposed = sensitiveInSpec(portSpec(r.value("destination_port_range")));
        if (exposed == null) {
            for (HclExpr p : Tf.items(r.value("destination_port_ranges"))) {
                exposed = sensitiveInSpec(portSpec(p));
                if (exposed != null) {
                    break;
                }
            }
        }
        if (exposed == null) {
            return;
        }
        List<HclExpr> sources = new ArrayList<>();
        if (r.value("source_address_prefix") != null) {
            sources.add(r.value("source_address_prefix"));
        }
        sources.addAll(Tf.items(r.value("source_address_prefixes")));
        for (HclExpr c : sources) {
            if (isWorld(Tf.str(c))) {
                report(ctx, c, exposed);
            }
        }
    }

    /** A port spec written as a string ("22", "20-30", "*") or a number (22). */
    private static String portSpec(HclExpr e) {
        return e instanceof HclExpr.Num n ? n.text() : Tf.str(e);
    }

    private static void report(RuleContext ctx, HclExpr cidr, String exposed) {
        ctx.report(cidr.range(), "Ingress from " + Tf.str(cidr) + " opens " + exposed
                + " to the whole internet; allow only a VPN, bastion or office range (or use a managed"
                + " session service instead of an open port)");
    }
}
