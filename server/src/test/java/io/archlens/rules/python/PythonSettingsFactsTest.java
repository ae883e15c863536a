package io.archlens.rules.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.code.Mount;
import io.archlens.filekind.FileKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings classes, optional reads and router mounts: what the cross-file rules learn from Python code. */
class PythonSettingsFactsTest {
    private static CodeFacts facts(String text) {
        return new PythonPack().parser().parse(SourceFile.of("app/config.py", text, FileKind.PYTHON)).model().facts();
    }

    /** Key -> default of each read (null key: a read whose name is computed). */
    private static Map<String, String> reads(CodeFacts f) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ConfigRead r : f.configReads()) {
            m.put(r.key(), r.fallback());
        }
        return m;
    }

    @Test
    void pydanticSettingsFieldsAreEnvironmentReads() {
        Map<String, String> r = reads(facts("""
                from pydantic import Field
                from pydantic_settings import BaseSettings, SettingsConfigDict

                class Settings(BaseSettings):
                    model_config = SettingsConfigDict(env_prefix="APP_")
                    database_url: str
                    LEVEL: str = "info"
                    SENTRY_DSN: str | None = None
                    token: str = Field(validation_alias="API_TOKEN")
                    retries: int = Field(default=3)
                    _private: int = 0

                class Plain:
                    NOT_A_SETTING: str = "x"
                """));
        assertTrue(r.containsKey("APP_database_url") && r.containsKey("APP_DATABASE_URL"), r.toString());
        assertNull(r.get("APP_DATABASE_URL"), "no default: required");
        assertEquals("info", r.get("APP_LEVEL"));
        assertEquals("None", r.get("APP_SENTRY_DSN"), "None is a default: optional");
        assertTrue(r.containsKey("API_TOKEN"), "the alias names the variable");
        assertNull(r.get("API_TOKEN"));
        assertEquals("3", r.get("APP_RETRIES"));
        assertTrue(r.keySet().stream().noneMatch(k -> k != null && (k.contains("private") || k.contains("NOT_A"))),
                r.toString());
    }

    @Test
    void aComputedPrefixMakesTheReadsUnknown() {
        Map<String, String> r = reads(facts("""
                import pydantic

                class Settings(pydantic.BaseSettings):
                    class Config:
                        env_prefix = PREFIX
                    url: str
                """));
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.containsKey(null), "a read whose variable is not known");
    }

    @Test
    void readsTheCodeChecksForOrPicksByASettingAreOptional() {
        Map<String, String> r = reads(facts("""
                import os
                if os.environ.get("CI"):
                    pass
                DEBUG = os.getenv("DEBUG") or "0"
                if MODE == "s3":
                    KEY = os.environ["S3_KEY"]
                try:
                    TOKEN = os.environ["TOKEN"]
                except KeyError:
                    TOKEN = None
                def url():
                    return os.environ["URL"]
                REGION = os.environ["REGION"]
                NAME = os.getenv("NAME")
                """));
        assertEquals("", r.get("CI"));
        assertEquals("", r.get("DEBUG"));
        assertEquals("", r.get("S3_KEY"));
        assertEquals("", r.get("TOKEN"));
        assertNull(r.get("URL"), "a function's read is required when it runs");
        assertNull(r.get("REGION"));
        assertNull(r.get("NAME"));
    }

    @Test
    void routerMountsWithKnownAndComputedPrefixes() {
        List<Mount> m = facts("""
                from fastapi import FastAPI
                from flask import Flask
                app = FastAPI()
                app.include_router(users.router, prefix="/users")
                app.include_router(api_router, prefix=settings.API_V1_STR)
                app.include_router(plain.router)
                web = Flask(__name__)
                web.register_blueprint(bp, url_prefix="/shop")
                """).mounts();
        assertEquals(3, m.size(), m.toString());
        assertEquals("/users", m.get(0).prefix());
        assertNull(m.get(1).prefix(), "not a literal: unknown");
        assertEquals("/shop", m.get(2).prefix());
    }
}
