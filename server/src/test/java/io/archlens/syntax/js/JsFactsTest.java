package io.archlens.syntax.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.code.HttpClientFact;
import io.archlens.code.Route;
import io.archlens.code.Sink;
import io.archlens.code.StringBuild;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.CodeTreeParser;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JsFactsTest {
    private static final CodeTreeParser PARSER = new CodeTreeParser(JsFacts::grammar, JsFacts::extract,
            JsFacts::isTestPath);

    private static CodeFacts facts(String path, String src) {
        FileKind kind = path.endsWith(".js") ? FileKind.JAVASCRIPT : FileKind.TYPESCRIPT;
        CodeTree t = PARSER.parse(new SourceFile("file:///w/" + path, path, src, kind, 1)).model();
        return t.facts();
    }

    private static CodeFacts js(String src) {
        return facts("src/app.js", src);
    }

    @Test
    void reassignmentsAppendOrStartTheStatementOver() {
        CodeFacts f = js("""
                async function a(pool, req) {
                  let q = 'SELECT * FROM t WHERE n = \\'';
                  q = q.concat(req.query.n);
                  q = q + '\\'';
                  await pool.query(q);
                  let r = 'SELECT * FROM t WHERE n = \\'' + req.query.n + '\\'';
                  r = 'SELECT * FROM t WHERE n = $1';
                  await pool.query(r, [req.query.n]);
                }
                """);
        List<Sink> sql = f.sinks();
        assertEquals(2, sql.size());
        assertTrue(sql.get(0).built().assembledFromValues());
        assertEquals("variable 'q' built at line 2, values appended at line 3", sql.get(0).built().origin());
        assertFalse(sql.get(1).built().assembledFromValues());
    }

    @Test
    void httpClientsRecordTheirTimeouts() {
        CodeFacts f = js("""
                const axios = require('axios');
                const https = require('node:https');
                fetch(u);
                fetch(u, { signal: AbortSignal.timeout(1000) });
                fetch(u, opts);
                axios.get(u);
                axios.post(u, body, { timeout: 2000 });
                axios.get(u, { timeout: 0 });
                https.get(u, { timeout: 100 }, cb);
                https.get(u, cb);
                """);
        List<HttpClientFact> c = f.httpClients();
        assertEquals(List.of("fetch", "fetch", "fetch", "axios", "axios", "axios", "node-http", "node-http"),
                c.stream().map(HttpClientFact::library).toList());
        assertEquals(List.of(true, false, false, true, false, true, false, true),
                c.stream().map(HttpClientFact::waitsForever).toList());
        assertTrue(c.get(2).configuredElsewhere());
        assertEquals(8, f.remoteCalls().size());
    }

    @Test
    void axiosInstancesAreJudgedWhereTheyAreMadeAndDefaultsCount() {
        CodeFacts f = js("""
                import axios from 'axios';
                const api = axios.create({ baseURL: B });
                const tuned = axios.create({ baseURL: B });
                tuned.defaults.timeout = 1000;
                api.get('/x');
                """);
        assertEquals(2, f.httpClients().size());
        assertTrue(f.httpClients().get(0).waitsForever());
        assertFalse(f.httpClients().get(1).waitsForever());
    }

    @Test
    void browserCodeHasNoClientFacts() {
        assertTrue(facts("src/View.tsx", "import React from 'react';\nfetch('/api');\n").httpClients().isEmpty());
        assertTrue(facts("src/page.ts", "import { ref } from 'vue';\nfetch('/api');\n").httpClients().isEmpty());
        assertTrue(facts("frontend/src/actions/cart.js", "import axios from 'axios';\naxios.get('/api');\n")
                .httpClients().isEmpty());
        assertTrue(facts("src/sw.js", "self.x = 1;\nconst r = navigator.onLine && fetch('/api');\n").httpClients()
                .isEmpty());
        assertEquals(1, facts("pages/api/orders.js", "export default async () => fetch(u);\n").httpClients().size());
    }

    @Test
    void sinksKnowHowTheirStringWasBuilt() {
        CodeFacts f = js("""
                const { exec } = require('child_process');
                async function q(pool, name, id) {
                  let sql = 'SELECT * FROM t WHERE 1=1';
                  sql += ' AND name = ' + name;
                  await pool.query(sql);
                  await pool.query(`SELECT * FROM t WHERE id = ${id}`);
                  await pool.query('SELECT * FROM t WHERE id = $1', [id]);
                  await pool.query(`SELECT * FROM ${TABLE} LIMIT ${Number(id)}`);
                  await db.$queryRaw`SELECT ${id}`;
                  exec('ls ' + name);
                  /x/.exec(name);
                }
                """);
        List<Sink> s = f.sinks();
        assertEquals(List.of(Sink.Kind.SQL, Sink.Kind.SQL, Sink.Kind.SQL, Sink.Kind.SQL, Sink.Kind.COMMAND),
                s.stream().map(Sink::kind).toList());
        assertEquals(StringBuild.How.CONCATENATION, s.get(0).built().how());
        assertTrue(s.get(0).built().origin().contains("line 3"));
        assertEquals(StringBuild.How.TEMPLATE, s.get(1).built().how());
        assertTrue(s.get(1).built().assembledFromValues());
        assertEquals(StringBuild.How.LITERAL, s.get(2).built().how());
        assertFalse(s.get(3).built().assembledFromValues());
        assertTrue(s.get(4).shell());
        assertEquals("child_process.exec", s.get(4).api());
    }

    @Test
    void envReadsWithKeysAndFallbacks() {
        CodeFacts f = facts("src/config.ts", """
                const port = process.env.PORT || 3000;
                const host = process.env['HOST'] ?? 'localhost';
                const url = process.env.DATABASE_URL!;
                const { A, B = 'b', C: renamed } = process.env;
                process.env.NODE_ENV = 'production';
                """);
        assertEquals("PORT=3000 HOST=localhost DATABASE_URL=null A=null B=b C=null", f.configReads().stream()
                .map(r -> r.key() + "=" + r.fallback()).collect(Collectors.joining(" ")));
        assertTrue(f.configReads().stream().allMatch(r -> r.source().equals("env")));
    }

    @Test
    void routesFromExpressFastifyAndNest() {
        CodeFacts f = facts("src/app.ts", """
                import { Controller, Get, Post } from '@nestjs/common';
                app.get('/users/:id', getUser);
                router.post('/users', asyncHandler(createUser));
                app.route('/items').put((req, res) => res.end());
                fastify.route({ method: 'DELETE', url: '/items/:id', handler: removeItem });
                app.get('env');
                axiosInstance.get('/remote', { params });
                @Controller('orders')
                export class OrdersController {
                  @Get(':id')
                  find() {}
                  @Post()
                  create() {}
                }
                """);
        assertEquals(List.of("GET /users/:id getUser", "POST /users createUser", "PUT /items null",
                "DELETE /items/:id removeItem", "GET /orders/:id find", "POST /orders create"),
                f.routes().stream().map(r -> r.method() + " " + r.path() + " " + r.handler()).toList());
    }

    @Test
    void listensAndShutdown() {
        CodeFacts f = js("""
                const express = require('express');
                const app = express();
                const PORT = process.env.PORT || 8080;
                app.listen(PORT);
                """);
        assertEquals(1, f.listens().size());
        assertEquals(8080, f.listens().get(0).port());
        assertEquals("PORT", f.listens().get(0).key());
        assertEquals(CodeFacts.Shutdown.NOT_HANDLED, f.shutdown());
        CodeFacts handled = js("const server = app.listen(3000);\nprocess.on('SIGTERM', () => server.close());\n");
        assertEquals(3000, handled.listens().get(0).port());
        assertNull(handled.listens().get(0).key());
        assertEquals(CodeFacts.Shutdown.HANDLED, handled.shutdown());
        assertEquals(CodeFacts.Shutdown.UNKNOWN, js("module.exports = {};\n").shutdown());
        CodeFacts fastify = js("fastify.listen({ port: 4000, host: '0.0.0.0' });\n");
        assertEquals(4000, fastify.listens().get(0).port());
        assertEquals(CodeFacts.Shutdown.HANDLED,
                facts("src/main.ts", "const app = await NestFactory.create(M);\napp.enableShutdownHooks();\n"
                        + "await app.listen(3000);\n").shutdown());
    }

    @Test
    void serviceUrlsAreLiteralsWithAHost() {
        CodeFacts f = js("""
                const a = 'http://orders:8080/api';
                const b = `https://billing.internal/v1`;
                const c = `http://${host}:8080`;
                const d = 'redis://cache:6379';
                const e = 'not a url';
                """);
        assertEquals(List.of("orders:8080", "billing.internal:null", "cache:6379"),
                f.urls().stream().map(u -> u.host() + ":" + u.port()).toList());
    }

    @Test
    void typeormEntities() {
        CodeFacts f = facts("src/order.entity.ts", """
                @Entity()
                export class OrderLine {
                  @PrimaryGeneratedColumn() id: number;
                  @Column({ name: 'qty' }) quantity: number;
                  helper: string;
                }
                """);
        assertEquals(1, f.entities().size());
        assertEquals("order_line", f.entities().get(0).table());
        assertEquals(List.of("id", "qty"), f.entities().get(0).columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void testPaths() {
        assertTrue(JsFacts.isTestPath("/src/__tests__/a.js"));
        assertTrue(JsFacts.isTestPath("/src/orders.spec.ts"));
        assertTrue(JsFacts.isTestPath("/src/orders.test.tsx"));
        assertFalse(JsFacts.isTestPath("/src/testing-utils.ts"));
        assertFalse(JsFacts.isTestPath("/src/contest.js"));
    }

    @Test
    void unusedImportsOfRouteAndConfigRecordsStayEmpty() {
        CodeFacts f = js("const x = 1;\n");
        assertTrue(f.routes().isEmpty() && f.configReads().isEmpty() && f.sinks().isEmpty());
        List<Route> none = f.routes();
        List<ConfigRead> reads = f.configReads();
        assertTrue(none.isEmpty() && reads.isEmpty());
    }

    @Test
    void routersMountedUnderPrefixes() {
        CodeFacts f = js("""
                const express = require('express');
                const app = express();
                app.use(express.json());
                app.use(cors(), router);
                app.use('/api', apiRouter);
                app.use(config.prefix, adminRouter);
                app.use('/static', express.static('public'));
                app.setGlobalPrefix('v1');
                """);
        assertEquals(java.util.Arrays.asList("/api", null, "/static", "v1"),
                f.mounts().stream().map(io.archlens.code.Mount::prefix).toList());
    }

    @Test
    void readsTheCodeTestsOrDefaultsAreOptional() {
        CodeFacts f = js("""
                const port = process.env.PORT ?? config.get('server.port');
                const level = process.env.NODE_ENV === 'test' ? 'error' : 'info';
                if (process.env.CI) { console.log('ci'); }
                if (mode === 's3') { const key = process.env.S3_KEY; }
                const hook = process.env.WEBHOOK && send();
                const url = process.env.DATABASE_URL;
                function secret() { return process.env.JWT_SECRET; }
                """);
        java.util.Map<String, String> r = new java.util.LinkedHashMap<>();
        for (io.archlens.code.ConfigRead c : f.configReads()) {
            r.put(c.key(), c.fallback());
        }
        assertEquals("config.get('server.port')", r.get("PORT"));
        assertEquals("", r.get("NODE_ENV"));
        assertEquals("", r.get("CI"));
        assertEquals("", r.get("S3_KEY"));
        assertEquals("", r.get("WEBHOOK"));
        assertEquals(null, r.get("DATABASE_URL"));
        assertTrue(r.containsKey("JWT_SECRET") && r.get("JWT_SECRET") == null, "a function's read is taken as given");
    }

    @Test
    void theWholeEnvironmentHandedOnIsAReadOfUnknownNames() {
        CodeFacts whole = js("const { value } = schema.validate(process.env);\n");
        assertTrue(whole.configReads().stream().anyMatch(r -> r.key() == null), whole.configReads().toString());
        CodeFacts named = js("const { DB_URL, LEVEL = 'info' } = process.env;\n");
        assertTrue(named.configReads().stream().noneMatch(r -> r.key() == null), named.configReads().toString());
        assertEquals(2, named.configReads().size());
    }
}
