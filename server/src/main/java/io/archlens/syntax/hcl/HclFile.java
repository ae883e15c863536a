package io.archlens.syntax.hcl;

import java.util.ArrayList;
import java.util.List;

/** A parsed HCL file (Terraform configuration): its top-level body. */
public record HclFile(HclBody body) {
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
}
