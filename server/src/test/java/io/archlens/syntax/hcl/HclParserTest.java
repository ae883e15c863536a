package io.archlens.syntax.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclParserTest {

    private static Parsed<HclFile> parse(String s) {
        return HclParser.parse(s);
    }

    private static HclFile clean(String s) {
        Parsed<HclFile> p = parse(s);
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        return p.model();
    }

    @Test
    void blocksLabelsAndAttributesWithExactRanges() {
        String s = "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"shop-logs\"\n}\n";
        HclFile f = clean(s);
        HclBlock b = f.resources("aws_s3_bucket").get(0);
        assertEquals("logs", b.label(1));
        assertEquals("\"logs\"", s.substring(b.nameRange().start(), b.nameRange().end()));
        assertEquals("aws_s3_bucket.logs", b.address());
        HclAttribute a = b.attr("bucket");
        assertEquals("bucket", s.substring(a.nameRange().start(), a.nameRange().end()));
        assertEquals("\"shop-logs\"", s.substring(a.value().range().start(), a.value().range().end()));
        assertEquals(s.indexOf('{'), b.openBrace());
        assertEquals(s.lastIndexOf('}'), b.closeBrace());
    }

    @Test
    void valueModel() {
        HclFile f = clean("""
                locals {
                  n     = -1.5e3
                  t     = true
                  z     = null
                  list  = ["a", 1, var.x]
                  obj   = { Name = "x", "a:b" = 2 }
                  ref   = aws_instance.web[0].private_ip
                  splat = aws_instance.web.*.id
                  call  = merge(local.a, { b = 1 })
                  cond  = var.n > 0 ? "a" : "b"
                  tpl   = "x-${var.env}-y"
                  esc   = "a\\"b $${lit}"
                  fn    = provider::aws::arn_parse("x")
                  fors  = [for s in var.subnets : s.id if s.public]
                  form  = {for k, v in var.m : k => v...}
                }
                """);
        HclBlock l = f.blocks("locals").get(0);
        assertEquals("-1.5e3", ((HclExpr.Num) l.value("n")).text());
        assertTrue(((HclExpr.Bool) l.value("t")).value());
        assertInstanceOf(HclExpr.Null.class, l.value("z"));
        assertEquals(3, ((HclExpr.Tuple) l.value("list")).items().size());
        HclExpr.Obj o = (HclExpr.Obj) l.value("obj");
        assertEquals("x", ((HclExpr.Str) o.get("Name")).value());
        assertNotNull(o.get("a:b"));
        assertEquals(List.of("aws_instance", "web", "[0]", "private_ip"), ((HclExpr.Ref) l.value("ref")).parts());
        assertEquals(List.of("aws_instance", "web", "[*]", "id"), ((HclExpr.Ref) l.value("splat")).parts());
        assertEquals("merge", ((HclExpr.Call) l.value("call")).name());
        assertEquals("conditional", ((HclExpr.Other) l.value("cond")).kind());
        HclExpr.Str tpl = (HclExpr.Str) l.value("tpl");
        assertTrue(tpl.template());
        assertEquals(List.of("var", "env"), ((HclExpr.Ref) tpl.interpolations().get(0)).parts());
        HclExpr.Str esc = (HclExpr.Str) l.value("esc");
        assertFalse(esc.template());
        assertEquals("a\"b ${lit}", esc.value());
        assertEquals("provider::aws::arn_parse", ((HclExpr.Call) l.value("fn")).name());
        assertEquals("for", ((HclExpr.Other) l.value("fors")).kind());
        assertEquals("for", ((HclExpr.Other) l.value("form")).kind());
    }

    @Test
    void heredocsPlainAndIndented() {
        String s = "locals {\n  a = <<EOF\nline ${var.x}\nEOF\n  b = <<-EOT\n    one\n      two\n    EOT\n  c = 1\n}\n";
        HclFile f = clean(s);
        HclBlock l = f.blocks("locals").get(0);
        HclExpr.Str a = (HclExpr.Str) l.value("a");
        assertTrue(a.heredoc());
        assertTrue(a.template());
        assertEquals("line ${var.x}\n", a.value());
        assertEquals("one\n  two\n", ((HclExpr.Str) l.value("b")).value());
        assertNotNull(l.attr("c"));
    }

    @Test
    void allCommentStyles() {
        HclFile f = clean("# hash\n// slashes\n/* block\n comment */ variable \"x\" { # trailing\n default = 1 // t\n}\n");
        assertEquals(1, f.blocks("variable").size());
    }

    @Test
    void crlfLineEndings() {
        HclFile f = clean("variable \"x\" {\r\n  default = [\r\n    1,\r\n    2,\r\n  ]\r\n}\r\n");
        assertEquals(2, ((HclExpr.Tuple) f.blocks("variable").get(0).value("default")).items().size());
    }

    @Test
    void multiLineExpressionsInsideBrackets() {
        HclFile f = clean("""
                locals {
                  x = concat(
                    var.a,
                    var.b,
                  )
                  y = (
                    1 +
                    2
                  )
                }
                """);
        assertEquals(2, ((HclExpr.Call) f.blocks("locals").get(0).value("x")).args().size());
    }

    @Test
    void unterminatedStringIsReportedAtTheStringAndParsingGoesOn() {
        String s = "resource \"a\" \"b\" {\n  x = \"open\n  y = 2\n}\n";
        Parsed<HclFile> p = parse(s);
        assertEquals(1, p.issues().size(), p.issues().toString());
        ParseIssue i = p.issues().get(0);
        assertEquals(s.indexOf("\"open"), i.range().start());
        assertNotNull(p.model().resources("a").get(0).attr("y"));
    }

    @Test
    void unbalancedBracesAreReported() {
        Parsed<HclFile> p = parse("resource \"a\" \"b\" {\n  x = 1\n");
        assertEquals(1, p.issues().size());
        assertTrue(p.issues().get(0).message().contains("not closed"));
        assertEquals(1, p.model().resources("a").size());

        Parsed<HclFile> q = parse("x = 1\n}\ny = 2\n");
        assertEquals(1, q.issues().size());
        assertEquals(2, q.model().body().attributes().size());
    }

    @Test
    void missingListBracketDoesNotSwallowTheNextAttribute() {
        Parsed<HclFile> p = parse("r \"a\" {\n  l = [\"a\", \"b\"\n  next = 1\n}\n");
        assertEquals(1, p.issues().size(), p.issues().toString());
        assertNotNull(p.model().body().blocks().get(0).attr("next"));
    }

    @Test
    void unterminatedHeredocAndComment() {
        Parsed<HclFile> p = parse("a = <<EOF\nno end\n");
        assertEquals(1, p.issues().size());
        assertTrue(p.issues().get(0).message().contains("heredoc"));
        Parsed<HclFile> q = parse("a = 1 /* open\n");
        assertTrue(q.issues().get(0).message().contains("comment"));
    }

    @Test
    void duplicateAttributesAreDuplicateKeyIssues() {
        Parsed<HclFile> p = parse("b {\n  a = 1\n  a = 2\n}\n");
        assertEquals(1, p.issues().size());
        assertEquals("archlens/duplicate-key", p.issues().get(0).ruleId());
    }

    @Test
    void truncatedInputsNeverThrow() {
        String full = """
                terraform {
                  backend "s3" { bucket = "b" }
                }
                resource "aws_s3_bucket" "b" {
                  policy = jsonencode({ Statement = [{ Action = "*", Resource = "${aws_s3_bucket.b.arn}/*" }] })
                  tags   = merge(local.t, { for k, v in var.m : k => v if v != "" })
                  rule   = <<-EOF
                    text ${var.x} %{ if var.y }y%{ endif }
                  EOF
                }
                """;
        for (int i = 0; i <= full.length(); i++) {
            Parsed<HclFile> p = parse(full.substring(0, i));
            assertNotNull(p.model());
        }
    }

    @Test
    void garbageAndDeepNestingFinish() {
        StringBuilder deep = new StringBuilder("x = ");
        for (int i = 0; i < 5000; i++) {
            deep.append('[');
        }
        Parsed<HclFile> p = parse(deep.toString());
        assertFalse(p.issues().isEmpty());
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            blocks.append("a {\n");
        }
        assertFalse(parse(blocks.toString()).issues().isEmpty());
        Parsed<HclFile> g = parse("}}}]]])))\"\"\"'''${{{%%%<<<<<<\n\u0000\uFFFF");
        assertFalse(g.issues().isEmpty());
        assertTrue(g.issues().size() <= HclParser.MAX_ISSUES + 1);
    }

    @Test
    void hugeInputIsParsed() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("resource \"aws_s3_bucket\" \"b").append(i).append("\" {\n")
                    .append("  bucket = \"b-${var.env}-").append(i).append("\"\n")
                    .append("  tags = { Name = \"b").append(i).append("\", Team = \"x\" }\n")
                    .append("  # comment\n")
                    .append("  lifecycle {\n    prevent_destroy = true\n  }\n")
                    .append("  policy = jsonencode({ Statement = [] })\n")
                    .append("}\n\n");
        }
        Parsed<HclFile> p = parse(sb.toString());
        assertTrue(p.issues().isEmpty());
        assertEquals(5000, p.model().resources("aws_s3_bucket").size());
    }
}
