package io.archlens.syntax.hcl;

import io.archlens.core.TextRange;
import java.util.List;

/**
 * {@code type "label" ... { body }}. {@code openBrace} is the offset of '{'; {@code closeBrace} the offset of
 * the matching '}' or -1 when the block is not closed.
 */
public record HclBlock(String type, TextRange typeRange, List<HclLabel> labels, HclBody body, int openBrace,
        int closeBrace, TextRange range) {
    public HclBlock {
        labels = List.copyOf(labels);
    }

    /** The label at {@code i}, or null. */
    public String label(int i) {
        return i < labels.size() ? labels.get(i).value() : null;
    }

    public TextRange labelRange(int i) {
        return i < labels.size() ? labels.get(i).range() : typeRange;
    }

    /** The last label's range (a resource's name), or the type keyword when there is no label. */
    public TextRange nameRange() {
        return labels.isEmpty() ? typeRange : labels.get(labels.size() - 1).range();
    }

    /** {@code resource "aws_s3_bucket" "logs"} -> {@code aws_s3_bucket.logs}; data sources get {@code data.}. */
    public String address() {
        StringBuilder sb = new StringBuilder();
        if (type.equals("data")) {
            sb.append("data.");
        } else if (!type.equals("resource")) {
            sb.append(type).append('.');
        }
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(labels.get(i).value());
        }
        return sb.toString();
    }

    public HclAttribute attr(String name) {
        return body.attr(name);
    }

    public HclExpr value(String name) {
        return body.value(name);
    }

    public List<HclBlock> blocks(String type) {
        return body.blocks(type);
    }

    public HclBlock block(String type) {
        return body.block(type);
    }
}
