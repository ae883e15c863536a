package io.archlens.code;

/** A parsed source file's model that offers the language-neutral facts: what the shared code rules read. */
public interface CodeModel {
    /**
     * Source files above this many characters (about 12,000 lines) are not parsed, by any language: hand-written code
     * is smaller; bundles and generated code are larger, and parsing them would cost seconds of every edit and of the
     * workspace index. Such a file gets one not-analysed hint and contributes no facts.
     */
    int MAX_SOURCE_CHARS = 512 * 1024;

    CodeFacts facts();

    /** Test code: rules about production behaviour stay quiet in it. */
    default boolean isTest() {
        return false;
    }
}
