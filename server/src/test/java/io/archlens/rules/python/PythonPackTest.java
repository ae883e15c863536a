package io.archlens.rules.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Parsed;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.code.Entity;
import io.archlens.code.HttpClientFact;
import io.archlens.code.Listen;
import io.archlens.code.Route;
import io.archlens.code.ServiceUrl;
import io.archlens.code.Sink;
import io.archlens.code.StringBuild;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PythonPackTest {
    private static CodeFacts facts(String path, String text) {
        Parsed<CodeTree> p = new PythonPack().parser().parse(SourceFile.of(path, text, FileKind.PYTHON));
        return p.model().facts();
    }

    private static CodeFacts facts(String text) {
        return facts("app/service.py", text);
    }

    @Test
    void packIsRegisteredWithAtLeast15Rules() throws IOException {
        assertEquals(1, RuleBook.loadDefault().packs(FileKind.PYTHON).size());
        Set<String> ids = new HashSet<>();
        for (Rule<CodeTree> r : new PythonPack().rules()) {
            assertTrue(r.meta().id().startsWith("python/"), r.meta().id());
            assertTrue(ids.add(r.meta().id()), "duplicate " + r.meta().id());
            String text = io.archlens.testing.RulePages.check(r.meta());
            assertTrue(text.contains("archlens-ignore " + r.meta().id()), r.meta().id());
        }
        assertTrue(ids.size() >= 15, "rules: " + ids.size());
    }

    @Test
    void httpClientsKnowTheirTimeouts() {
        List<HttpClientFact> c = facts("""
                import requests, httpx
                from urllib.request import urlopen
                def f(u, **kw):
                    requests.get(u)
                    requests.post(u, timeout=5)
                    requests.get(u, timeout=None)
                    requests.get(u, **kw)
                    httpx.get(u)
                    httpx.Client(timeout=None)
                    urlopen(u, None, 3)
                    urlopen(u)
                """).httpClients();
        assertEquals(8, c.size());
        assertTrue(c.get(0).waitsForever());
        assertEquals("f", c.get(0).function());
        assertFalse(c.get(1).waitsForever(), "a timeout passed makes no finding");
        assertTrue(c.get(2).waitsForever(), "timeout=None");
        assertFalse(c.get(3).waitsForever(), "**kwargs may carry it");
        assertFalse(c.get(4).waitsForever(), "httpx has a default");
        assertTrue(c.get(5).waitsForever());
        assertFalse(c.get(6).waitsForever(), "third positional argument of urlopen");
        assertTrue(c.get(7).waitsForever());
    }

    @Test
    void sinksSayHowTheStringWasBuilt() {
        List<Sink> s = facts("""
                import os, subprocess
                T = "t"
                def f(cur, name, n):
                    cur.execute(f"select * from t where a = '{name}'")
                    q = "select * from t where a = '%s'" % name
                    cur.execute(q)
                    cur.execute("select * from " + T + " where id = " + str(n))
                    cur.execute("select * from t where a = %s", (name,))
                    os.system("ls " + name)
                    subprocess.run("ls " + name)
                """).sinks();
        assertEquals(4, s.size());
        assertEquals(StringBuild.How.TEMPLATE, s.get(0).built().how());
        assertEquals(StringBuild.How.FORMAT, s.get(1).built().how());
        assertTrue(s.get(1).built().describe().contains("variable 'q' built at line 5"), s.get(1).built().describe());
        assertEquals(StringBuild.How.CONCATENATION, s.get(2).built().how());
        assertTrue(s.get(2).built().assembledFromValues(), "str(n) of an unknown n is text");
        assertEquals(Sink.Kind.COMMAND, s.get(3).kind());
        assertTrue(s.get(3).shell());
    }

    @Test
    void environmentReads() {
        List<ConfigRead> r = facts("""
                import os
                from os import environ, getenv
                a = os.environ["DATABASE_URL"]
                b = os.environ.get("LEVEL", "info")
                c = getenv("TIMEOUT", 30)
                d = environ.get("NAME")
                os.environ["X"] = "1"
                """).configReads();
        assertEquals(List.of("LEVEL", "TIMEOUT", "NAME", "DATABASE_URL"), r.stream().map(ConfigRead::key).toList());
        assertEquals("info", r.get(0).fallback());
        assertEquals("30", r.get(1).fallback());
        assertNull(r.get(2).fallback());
        assertNull(r.get(3).fallback(), "os.environ[...] has no default");
        assertTrue(r.stream().allMatch(x -> x.source().equals("env")));
    }

    @Test
    void routesOfFlaskFastApiAndDjango() {
        List<Route> flask = facts("""
                from flask import Flask
                app = Flask(__name__)
                @app.route("/orders/<int:id>", methods=["GET", "DELETE"])
                def order(id): pass
                @app.route("/health")
                def health(): pass
                """).routes();
        assertEquals(List.of("GET /orders/<int:id> order", "DELETE /orders/<int:id> order", "GET /health health"),
                flask.stream().map(r -> r.method() + " " + r.path() + " " + r.handler()).toList());
        List<Route> fast = facts("""
                from fastapi import APIRouter
                router = APIRouter()
                @router.post("/items/{item_id}")
                async def create(item_id: int): pass
                """).routes();
        assertEquals("POST /items/{item_id} create", fast.get(0).method() + " " + fast.get(0).path() + " "
                + fast.get(0).handler());
        List<Route> django = facts("shop/urls.py", """
                from django.urls import path, include
                from . import views
                urlpatterns = [path("orders/", views.orders), path("api/", include("api.urls"))]
                """).routes();
        assertEquals(1, django.size());
        assertEquals("* orders/ views.orders", django.get(0).method() + " " + django.get(0).path() + " "
                + django.get(0).handler());
    }

    @Test
    void environAndDecoupleReadsAndRoutePrefixes() {
        List<ConfigRead> r = facts("""
                from config.env import env
                DEBUG = env.bool("DJANGO_DEBUG", default=False)
                DATABASES = {"default": env.db("DATABASE_URL")}
                DOMAIN = env("APP_DOMAIN", default="http://localhost:8000")
                """).configReads();
        assertEquals(List.of("DJANGO_DEBUG", "DATABASE_URL", "APP_DOMAIN"), r.stream().map(ConfigRead::key).toList());
        assertEquals("False", r.get(0).fallback());
        assertEquals("http://localhost:8000", r.get(2).fallback());
        List<Route> routes = facts("""
                from fastapi import APIRouter
                router = APIRouter(prefix="/items", tags=["items"])
                @router.get("/{id}")
                def read_item(id: int): pass
                """).routes();
        assertEquals("/items/{id}", routes.get(0).path());
    }

    @Test
    void djangoModelsOnAProjectBaseClassAndAbstractOnesLeftOut() {
        List<Entity> e = facts("users/models.py", """
                from django.db import models
                class BaseModel(models.Model):
                    created_at = models.DateTimeField()
                    class Meta:
                        abstract = True
                class BaseUser(BaseModel, AbstractBaseUser):
                    email = models.EmailField(unique=True)
                """).entities();
        assertEquals(List.of("users_baseuser"), e.stream().map(Entity::table).toList(),
                "an abstract model has no table; a model on a project base class is found by its fields");
    }

    @Test
    void listensAndShutdown() {
        CodeFacts f = facts("""
                import os
                from flask import Flask
                app = Flask(__name__)
                if __name__ == "__main__":
                    app.run(port=int(os.environ.get("PORT", 8000)))
                """);
        Listen l = f.listens().get(0);
        assertEquals(8000, l.port());
        assertEquals("PORT", l.key());
        assertEquals(CodeFacts.Shutdown.NOT_HANDLED, f.shutdown());
        CodeFacts u = facts("""
                import uvicorn, signal
                port = 9000
                uvicorn.run("main:app", host="0.0.0.0", port=port)
                """);
        assertEquals(9000, u.listens().get(0).port());
        assertEquals(CodeFacts.Shutdown.HANDLED, u.shutdown(), "uvicorn drains on SIGTERM itself");
        CodeFacts s = facts("""
                import signal
                from http.server import HTTPServer
                signal.signal(signal.SIGTERM, stop)
                HTTPServer(("", 8080), Handler).serve_forever()
                """);
        assertEquals(8080, s.listens().get(0).port());
        assertEquals(CodeFacts.Shutdown.HANDLED, s.shutdown());
        assertEquals(CodeFacts.Shutdown.UNKNOWN, facts("x = 1\n").shutdown());
        CodeFacts d = facts("import os\nfrom flask import Flask\napp = Flask('a')\napp.run()\n");
        assertEquals(5000, d.listens().get(0).port(), "Flask's default port");
    }

    @Test
    void serviceUrlsAreLiteralsNamingAHost() {
        List<ServiceUrl> u = facts("""
                ORDERS = "http://orders:8080/api"
                PAY = "https://payments.internal/v1"
                T = f"http://{host}:8080"
                def f():
                    \"\"\"Calls http://docs:1/ in its docstring.\"\"\"
                """).urls();
        assertEquals(2, u.size());
        assertEquals("orders", u.get(0).host());
        assertEquals(8080, u.get(0).port());
        assertEquals("https", u.get(1).scheme());
        assertNull(u.get(1).port());
    }

    @Test
    void entitiesOfSqlAlchemyAndDjango() {
        List<Entity> sa = facts("""
                from sqlalchemy import Column, Integer, String
                class User(Base):
                    __tablename__ = "users"
                    id = Column(Integer, primary_key=True)
                    email = Column("email_address", String)
                """).entities();
        assertEquals("users", sa.get(0).table());
        assertEquals(List.of("id", "email_address"), sa.get(0).columns().stream().map(Entity.Column::name).toList());
        List<Entity> dj = facts("shop/models.py", """
                from django.db import models
                class Order(models.Model):
                    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
                    total = models.DecimalField(max_digits=9, decimal_places=2)
                class Line(models.Model):
                    sku = models.CharField(max_length=20, db_column="SKU")
                    class Meta:
                        db_table = "order_lines"
                """).entities();
        assertEquals("shop_order", dj.get(0).table());
        assertEquals(List.of("customer_id", "total"), dj.get(0).columns().stream().map(Entity.Column::name).toList());
        assertEquals("order_lines", dj.get(1).table());
        assertEquals("SKU", dj.get(1).columns().get(0).name());
    }

    @Test
    void testCodeOnlyGetsSecretChecks() {
        var a = Fixtures.analyze(SourceFile.of("app/tests/test_x.py",
                "import requests\nrequests.get(u)\nK = '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'\n", FileKind.PYTHON));
        assertEquals(List.of("python/hardcoded-secret"), a.findings().stream().map(f -> f.ruleId()).toList());
    }

    @Test
    void everyPrefixOfEveryFixtureAnalysesWithoutThrowing() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.fixturesDir().resolve("python"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".py")).toList()) {
                String text = Files.readString(p);
                for (int cut = 0; cut < text.length(); cut += 89) {
                    Fixtures.analyze(SourceFile.of("x.py", text.substring(0, cut), FileKind.PYTHON));
                }
            }
        }
    }
}
