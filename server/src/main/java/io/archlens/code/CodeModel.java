package io.archlens.code;

/** A parsed source file's model that offers the language-neutral facts: what the shared code rules read. */
public interface CodeModel {
    CodeFacts facts();

    /** Test code: rules about production behaviour stay quiet in it. */
    default boolean isTest() {
        return false;
    }
}
