package io.archlens.syntax.hcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.core.LineIndex;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclParser;
import io.archlens.syntax.hcl.HclSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleEnvTest {
    @TempDir
    Path dir;

    private static HclSource source(String name, String text) {
        return new HclSource("file:///m/" + name, name, LineIndex.of(text), HclParser.parse(text).model());
    }

    /** The value of {@code locals { x = <expr> }} in a module made of {@code text} plus that local. */
    private static Value value(String text, String expr) {
        ModuleEnv env = ModuleEnv.root(source("main.tf", text + "\nlocals {\n  x = " + expr + "\n}\n"), null);
        return env.local("x");
    }

    private static Object plain(String text, String expr) {
        return value(text, expr).plain();
    }

    private static final String VARS = """
            variable "env" { default = "prod" }
            variable "size" { default = 3 }
            variable "tags" { default = { Team = "core" } }
            variable "required" {}
            locals {
              names = ["a", "b"]
              conf  = { tls = true, port = 5432 }
            }
            """;

    @Test
    void literalsVariablesAndLocals() {
        assertEquals("prod", plain(VARS, "var.env"));
        assertEquals(3.0, plain(VARS, "var.size"));
        assertEquals("b", plain(VARS, "local.names[1]"));
        assertEquals(5432.0, plain(VARS, "local.conf.port"));
        assertEquals(true, plain(VARS, "local.conf[\"tls\"]"));
        assertEquals(List.of("a", "b"), plain(VARS, "local.names"));
        assertEquals(Map.of("Team", "core"), plain(VARS, "var.tags"));
    }

    @Test
    void operatorsConditionalsAndTemplates() {
        assertEquals(true, plain(VARS, "var.env == \"prod\" ? true : false"));
        assertEquals(false, plain(VARS, "!(var.size > 2)"));
        assertEquals(6.0, plain(VARS, "var.size * 2"));
        assertEquals("shop-prod-3", plain(VARS, "\"shop-${var.env}-${var.size}\""));
        assertEquals(false, plain(VARS, "var.required && false"));
        assertEquals(true, plain(VARS, "var.required ? true : true"), "both branches agree");
        assertEquals(null, plain(VARS, "var.required ? null : null"));
        assertEquals(true, plain(VARS, "null == null"));
    }

    @Test
    void functions() {
        assertEquals("x", plain(VARS, "coalesce(null, \"\", \"x\")"));
        assertEquals("fallback", plain(VARS, "try(local.conf.missing, \"fallback\")"));
        assertEquals("core", plain(VARS, "lookup(var.tags, \"Team\", \"none\")"));
        assertEquals("none", plain(VARS, "lookup(var.tags, \"Owner\", \"none\")"));
        assertEquals(Map.of("Team", "core", "Env", "prod"), plain(VARS, "merge(var.tags, { Env = var.env })"));
        assertEquals("PROD", plain(VARS, "upper(var.env)"));
        assertEquals(2.0, plain(VARS, "length(local.names)"));
    }

    @Test
    void whatCannotBeKnownIsUnknown() {
        for (String e : List.of("var.required", "aws_s3_bucket.b.id", "each.value", "count.index", "path.module",
                "var.undeclared", "timestamp()", "[for n in local.names : n]", "local.names[*]",
                "coalesce(var.required, \"x\")", "var.required ? true : false", "\"%{if true}x%{endif}\"",
                "local.self")) {
            assertTrue(value(VARS + "locals {\n  self = local.self\n}\n", e).isUnknown(), e);
        }
    }

    @Test
    void defaultsThenTfvarsThenAutoTfvarsInNameOrder() throws Exception {
        Files.writeString(dir.resolve("variables.tf"), """
                variable "a" { default = "default" }
                variable "b" { default = "default" }
                variable "c" { default = "default" }
                """);
        Files.writeString(dir.resolve("terraform.tfvars"), "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\n");
        Files.writeString(dir.resolve("x.auto.tfvars"), "b = \"x.auto\"\nc = \"x.auto\"\n");
        Files.writeString(dir.resolve("y.auto.tfvars"), "c = \"y.auto\"\n");
        Files.writeString(dir.resolve("prod.tfvars"), "a = \"only with -var-file\"\n");
        ModuleEnv env = ModuleEnv.root(source("main.tf", ""), dir);
        assertEquals("tfvars", env.var("a").str());
        assertEquals("x.auto", env.var("b").str());
        assertEquals("y.auto", env.var("c").str());
        List<Loc> trace = env.var("c").trace();
        assertEquals("var.c is set in y.auto.tfvars", trace.get(trace.size() - 1).note());
    }

    @Test
    void moduleArgumentsFlowIntoTheModulesVariables() throws Exception {
        Path mod = Files.createDirectories(dir.resolve("modules/db"));
        Files.writeString(mod.resolve("main.tf"), """
                variable "protect" { default = true }
                variable "days" { default = 7 }
                variable "name" {}
                resource "aws_db_instance" "this" {
                  deletion_protection = var.protect
                }
                """);
        Path app = Files.createDirectories(dir.resolve("app"));
        String main = """
                variable "keep" { default = 0 }
                module "db" {
                  source  = "../modules/db"
                  protect = false
                  days    = var.keep
                }
                module "remote" {
                  source = "terraform-aws-modules/rds/aws"
                }
                module "off" {
                  source = "../modules/db"
                  count  = 0
                }
                """;
        ModuleEnv env = ModuleEnv.root(source("main.tf", main), app);
        List<ModuleCall> calls = env.calls(env.files().get(0));
        assertEquals(1, calls.size(), "only the local call that exists");
        ModuleEnv db = calls.get(0).env();
        assertEquals(false, db.var("protect").plain());
        assertEquals(0.0, db.var("days").plain());
        assertTrue(db.var("name").isUnknown());
        Loc arg = db.var("protect").trace().get(0);
        assertTrue(arg.argument());
        assertEquals("argument protect of module.db", arg.note());
        List<Loc> days = db.var("days").trace();
        assertEquals("default of var.keep", days.get(0).note());
        assertTrue(days.get(1).argument());
        HclBlock r = db.files().get(0).model().resources("aws_db_instance").get(0);
        assertEquals(false, db.eval(r.value("deletion_protection")).plain());
    }

    @Test
    void aModuleCallingItselfOrLeavingTheRepositoryIsNotFollowed() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path app = Files.createDirectories(dir.resolve("app"));
        String main = """
                module "self" {
                  source = "./"
                }
                module "outside" {
                  source = "../../"
                }
                """;
        ModuleEnv env = ModuleEnv.root(source("main.tf", main), app);
        assertTrue(env.calls(env.files().get(0)).isEmpty());
    }

    @Test
    void dynamicBlocksCountAsTheBlockTheyGenerate() {
        String text = """
                resource "aws_s3_bucket" "b" {
                  dynamic "server_side_encryption_configuration" {
                    for_each = var.sse
                    content {
                      rule {}
                    }
                  }
                  dynamic "logging" {
                    for_each = []
                    content {}
                  }
                }
                variable "sse" {}
                """;
        ModuleEnv env = ModuleEnv.root(source("main.tf", text), null);
        HclBlock b = env.files().get(0).model().resources("aws_s3_bucket").get(0);
        List<HclBlock> sse = env.blocks(b.body(), "server_side_encryption_configuration");
        assertEquals(1, sse.size());
        assertEquals(1, sse.get(0).body().blocks("rule").size());
        assertTrue(env.blocks(b.body(), "logging").isEmpty(), "for_each = [] generates nothing");
        assertFalse(env.mayExist(parseFirst("resource \"x\" \"y\" {\n  count = 0\n}\n")));
        assertTrue(env.mayExist(parseFirst("resource \"x\" \"y\" {\n  count = var.sse == null ? 0 : 1\n}\n")));
    }

    private static HclBlock parseFirst(String text) {
        return HclParser.parse(text).model().blocks("resource").get(0);
    }

    @Test
    void dynamicBlocksBindTheirIteratorPerElement() {
        String text = """
                variable "rules" { default = [{ port = 22, cidrs = ["0.0.0.0/0"] }, { port = 443, cidrs = [] }] }
                resource "aws_security_group" "sg" {
                  dynamic "ingress" {
                    for_each = var.rules
                    iterator = r
                    content {
                      from_port = r.value.port
                      dynamic "inner" {
                        for_each = r.value.cidrs
                        content {
                          cidr = inner.value
                          port = r.value.port
                        }
                      }
                    }
                  }
                  dynamic "egress" {
                    for_each = var.unknown
                    content { to = egress.value }
                  }
                  dynamic "none" {
                    for_each = []
                    content { x = 1 }
                  }
                  legacy = { a = 1 }
                }
                """;
        HclSource src = source("main.tf", text);
        ModuleEnv env = ModuleEnv.root(src, null);
        HclBlock sg = src.model().blocks("resource").get(0);
        List<HclBlock> ingress = env.blocks(sg.body(), "ingress");
        assertEquals(2, ingress.size());
        assertEquals(22.0, env.eval(ingress.get(0).body(), ingress.get(0).value("from_port")).plain());
        assertEquals(443.0, env.eval(ingress.get(1).body(), ingress.get(1).value("from_port")).plain());
        List<HclBlock> inner = env.blocks(ingress.get(0).body(), "inner");
        assertEquals(1, inner.size());
        assertEquals("0.0.0.0/0", env.eval(inner.get(0).body(), inner.get(0).value("cidr")).plain());
        assertEquals(22.0, env.eval(inner.get(0).body(), inner.get(0).value("port")).plain());
        assertEquals("default of var.rules", env.eval(inner.get(0).body(), inner.get(0).value("cidr")).trace().get(0).note());
        assertTrue(env.blocks(ingress.get(1).body(), "inner").isEmpty());
        List<HclBlock> egress = env.blocks(sg.body(), "egress");
        assertEquals(1, egress.size());
        assertFalse(env.eval(egress.get(0).body(), egress.get(0).value("to")).known());
        assertTrue(env.blocks(sg.body(), "none").isEmpty());
        assertEquals(1.0, env.eval(env.blocks(sg.body(), "legacy").get(0).value("a")).plain());
    }
}
