package io.archlens.syntax.spring;

import io.archlens.syntax.yaml.YamlFile;
import java.util.List;

/**
 * One Spring Boot configuration file ({@code application*.properties} or {@code application*.yml}) as the
 * rules see it: documents of flattened properties with exact ranges, whatever the syntax.
 *
 * @param fileProfile the profile implied by the file name ({@code application-prod.yml} -> {@code prod}), or null
 * @param testScope the file lives under {@code src/test/} (only loaded by tests)
 * @param eol the file's line break ({@code \n} or {@code \r\n}), for insertions
 * @param yaml the underlying YAML stream (null for .properties)
 */
public record SpringConfig(
        Format format,
        String fileProfile,
        boolean testScope,
        List<SpringDocument> documents,
        String eol,
        YamlFile yaml) {

    public enum Format { PROPERTIES, YAML }

    public SpringConfig {
        documents = List.copyOf(documents);
    }

    public boolean isYaml() {
        return format == Format.YAML;
    }

    /** The base file of the application ({@code application.yml}), as opposed to a profile-specific file. */
    public boolean isBaseFile() {
        return fileProfile == null && !testScope;
    }

    /**
     * The value that applies in {@code doc}: the document's own, else the last one from a document of this file
     * that applies to every profile. Null when none.
     */
    public SpringProperty effective(SpringDocument doc, String canonical) {
        SpringProperty own = doc.get(canonical);
        if (own != null) {
            return own;
        }
        SpringProperty found = null;
        for (SpringDocument d : documents) {
            if (d != doc && d.unconditional()) {
                SpringProperty p = d.get(canonical);
                if (p != null) {
                    found = p;
                }
            }
        }
        return found;
    }

    /** True when the key is set in {@code doc} or in a document of this file that applies to every profile. */
    public boolean effectiveHas(SpringDocument doc, String canonical) {
        return effective(doc, canonical) != null;
    }

    /** True when any document of this file sets the key or something below it. */
    public boolean anyHasPrefix(String canonicalPrefix) {
        for (SpringDocument d : documents) {
            if (d.hasPrefix(canonicalPrefix)) {
                return true;
            }
        }
        return false;
    }

    /** The first document that applies to every profile, or null. */
    public SpringDocument defaultDocument() {
        for (SpringDocument d : documents) {
            if (d.unconditional()) {
                return d;
            }
        }
        return null;
    }
}
