package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.TestPack;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.NotebookDocumentService;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.junit.jupiter.api.Test;

/**
 * {@link Protocol}'s table against what LSP4J's reflection finds: the same name, parameter and result types and
 * result adapter for every client method and for every server method a handler implements; nothing for the ones
 * left to LSP4J's defaults. And the dispatch: every server entry reaches a handler, anything else is answered
 * as LSP4J answers it.
 */
class ProtocolTest {
    private static final Set<String> NO_OP = Set.of("window/workDoneProgress/cancel");

    private static String describe(JsonRpcMethod m) {
        return (m.isNotification() ? "notification " : "request ") + m.getMethodName() + " "
                + Arrays.toString(m.getParameterTypes()) + (m.isNotification() ? "" : " -> " + m.getReturnType())
                + (m.getReturnTypeAdapterFactory() == null ? "" : " via " + m.getReturnTypeAdapterFactory().getClass());
    }

    @Test
    void everyClientMethodIsInTheTableAsLsp4jReflectsIt() {
        Map<String, JsonRpcMethod> table = Protocol.methods();
        Map<String, JsonRpcMethod> reflected = ServiceEndpoints.getSupportedMethods(LanguageClient.class);
        assertEquals(19, reflected.size(), "LSP4J's client interface changed: review RemoteClient and the table");
        for (JsonRpcMethod m : reflected.values()) {
            JsonRpcMethod t = table.get(m.getMethodName());
            assertNotNull(t, "missing from the table: " + describe(m));
            assertEquals(describe(m), describe(t));
        }
    }

    @Test
    void eachClientCallSendsTheMessageLsp4jWouldSend() throws Exception {
        List<String> sent = new ArrayList<>();
        RemoteClient client = new RemoteClient(new Endpoint() {
            @Override
            public CompletableFuture<?> request(String method, Object parameter) {
                sent.add("request " + method);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void notify(String method, Object parameter) {
                sent.add("notification " + method);
            }
        });
        int checked = 0;
        for (Method m : LanguageClient.class.getMethods()) {
            JsonRequest rq = m.getAnnotation(JsonRequest.class);
            JsonNotification nt = m.getAnnotation(JsonNotification.class);
            if (rq == null && nt == null) {
                continue;
            }
            String expected = (rq != null ? "request " : "notification ") + (rq != null ? rq.value() : nt.value());
            sent.clear();
            m.invoke(client, new Object[m.getParameterCount()]);
            assertEquals(List.of(expected), sent, m.getName());
            checked++;
        }
        assertEquals(19, checked);
    }

    /** JSON-RPC name of each annotated method of the server interfaces, with the Java method. */
    private static Map<String, Method> serverMethods() {
        Map<String, Method> all = new LinkedHashMap<>();
        for (Class<?> c : List.of(LanguageServer.class, TextDocumentService.class, WorkspaceService.class,
                NotebookDocumentService.class)) {
            JsonSegment segment = c.getAnnotation(JsonSegment.class);
            String prefix = segment == null ? "" : segment.value() + "/";
            for (Method m : c.getDeclaredMethods()) {
                JsonRequest rq = m.getAnnotation(JsonRequest.class);
                JsonNotification nt = m.getAnnotation(JsonNotification.class);
                String name = rq != null ? rq.value() : nt != null ? nt.value() : null;
                if (name == null) {
                    continue;
                }
                boolean raw = rq != null ? rq.useSegment() : nt.useSegment();
                all.put((raw ? prefix : "") + (name.isEmpty() ? m.getName() : name), m);
            }
        }
        return all;
    }

    private static Class<?> handler(Method m) {
        Class<?> declaring = m.getDeclaringClass();
        return declaring == TextDocumentService.class ? TextDocumentHandler.class
                : declaring == WorkspaceService.class ? WorkspaceHandler.class
                : declaring == LanguageServer.class ? ArchLensServer.class : null;
    }

    @Test
    void theServerSideHoldsExactlyTheMethodsTheHandlersImplement() {
        Map<String, JsonRpcMethod> table = Protocol.methods();
        Map<String, JsonRpcMethod> reflected = ServiceEndpoints.getSupportedMethods(ArchLensServer.class);
        Set<String> implemented = new TreeSet<>();
        for (Map.Entry<String, Method> e : serverMethods().entrySet()) {
            Method m = e.getValue();
            Class<?> h = handler(m);
            boolean declared;
            try {
                declared = h != null && h.getDeclaredMethod(m.getName(), m.getParameterTypes()) != null;
            } catch (NoSuchMethodException ex) {
                declared = false;
            }
            JsonRpcMethod r = reflected.get(e.getKey());
            assertNotNull(r, e.getKey());
            if (declared) {
                implemented.add(e.getKey());
                assertNotNull(table.get(e.getKey()), "implemented but not in the table: " + describe(r));
                assertEquals(describe(r), describe(table.get(e.getKey())));
            } else if (NO_OP.contains(e.getKey())) {
                assertEquals(describe(r), describe(table.get(e.getKey())));
            } else {
                assertNull(table.get(e.getKey()), "in the table but left to LSP4J's default: " + e.getKey());
            }
        }
        assertTrue(implemented.containsAll(List.of("initialize", "textDocument/didChange", "textDocument/codeAction",
                "workspace/executeCommand")), implemented.toString());
        Set<String> clientSide = ServiceEndpoints.getSupportedMethods(LanguageClient.class).keySet();
        for (String name : table.keySet()) {
            assertTrue(reflected.containsKey(name) || clientSide.contains(name), "unknown to LSP4J: " + name);
        }
    }

    @Test
    void everyServerEntryReachesItsHandler() throws Exception {
        Set<String> clientSide = ServiceEndpoints.getSupportedMethods(LanguageClient.class).keySet();
        List<String> unreached = new ArrayList<>();
        for (JsonRpcMethod m : Protocol.methods().values()) {
            String name = m.getMethodName();
            if (clientSide.contains(name) || NO_OP.contains(name)) {
                continue;
            }
            ServerEndpoint endpoint = new ServerEndpoint(new ArchLensServer(new RuleBook(List.of(new TestPack())),
                    () -> { }));
            // null parameters: a handler that is reached fails on them or answers; only "not found" is a miss
            try {
                if (m.isNotification()) {
                    endpoint.notify(name, null);
                } else {
                    CompletableFuture<?> f = endpoint.request(name, null);
                    f.get(10, TimeUnit.SECONDS);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ResponseErrorException r
                        && r.getResponseError().getCode() == ResponseErrorCode.MethodNotFound.getValue()) {
                    unreached.add(name);
                }
            } catch (RuntimeException e) {
                // reached, and failed on the null parameters
            }
        }
        assertEquals(List.of(), unreached);
    }

    @Test
    void otherMethodsAreAnsweredAsLsp4jAnswersThem() throws Exception {
        LspHarness h = new LspHarness(new RuleBook(List.of(new TestPack())));
        try {
            h.initialize("file:///w", LspHarness.capabilities(false, true), null);
            Endpoint raw = (Endpoint) h.server;
            CompletableFuture<?> completion = raw.request("textDocument/completion",
                    new CompletionParams(new TextDocumentIdentifier("file:///w/.env"), new Position(0, 0)));
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> completion.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ResponseErrorException, e.toString());
            assertEquals(ResponseErrorCode.MethodNotFound.getValue(),
                    ((ResponseErrorException) e.getCause()).getResponseError().getCode());
            // an optional $/ request: null; an unknown notification: dropped, and the server still answers
            assertNull(raw.request("$/archlens.unknown", null).get(10, TimeUnit.SECONDS));
            raw.notify("workspace/didChangeWorkspaceFolders", Map.of("event", Map.of()));
            h.open("file:///w/.env", "A=TODO\n");
            assertFalse(h.awaitDiagnostics("file:///w/.env", p -> !p.getDiagnostics().isEmpty())
                    .getDiagnostics().isEmpty());
        } finally {
            h.close();
        }
    }
}
