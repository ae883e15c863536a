package io.archlens.syntax.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed HCL file (Terraform configuration): its top-level body, and the other {@code .tf} files of the same
 * module (directory) when the file lives on disk. Terraform reads a module's files as one configuration, so a
 * backend, a provider's {@code default_tags} or a bucket's versioning resource often sit in a sibling file;
 * rules look those up with the {@code module...} methods. Sibling blocks carry offsets into their own text:
 * they answer "is there one", never where to report.
 */
public record HclFile(HclBody body, List<HclFile> siblings) {
    public HclFile {
        siblings = siblings == null ? List.of() : List.copyOf(siblings);
    }

    public HclFile(HclBody body) {
        this(body, List.of());
    }

    public HclFile withSiblings(List<HclFile> others) {
        return new HclFile(body, others);
    }

    /** Top-level blocks of {@code type} ({@code resource}, {@code data}, {@code provider}, ...). */
    public List<HclBlock> blocks(String type) {
        return body.blocks(type);
    }

    /** {@code resource "<resourceType>" "..."} blocks. */
    public List<HclBlock> resources(String resourceType) {
        return labelled("resource", resourceType);
    }

    /** {@code data "<dataType>" "..."} blocks. */
    public List<HclBlock> data(String dataType) {
        return labelled("data", dataType);
    }

    public List<HclBlock> labelled(String type, String firstLabel) {
        List<HclBlock> out = new ArrayList<>();
        for (HclBlock b : body.blocks()) {
            if (b.type().equals(type) && firstLabel.equals(b.label(0))) {
                out.add(b);
            }
        }
        return out;
    }

    /** {@link #blocks} over this file and its module siblings (this file's first). */
    public List<HclBlock> moduleBlocks(String type) {
        List<HclBlock> out = new ArrayList<>(blocks(type));
        for (HclFile s : siblings) {
            out.addAll(s.blocks(type));
        }
        return out;
    }

    /** {@link #resources} over this file and its module siblings (this file's first). */
    public List<HclBlock> moduleResources(String resourceType) {
        List<HclBlock> out = new ArrayList<>(resources(resourceType));
        for (HclFile s : siblings) {
            out.addAll(s.resources(resourceType));
        }
        return out;
    }
}
