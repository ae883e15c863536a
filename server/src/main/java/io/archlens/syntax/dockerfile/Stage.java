package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;

/** One build stage: a FROM instruction and the instructions up to the next FROM. */
public final class Stage {
    final int index;
    final Instruction from;
    final ImageRef image;
    final String name;
    final TextRange nameRange;
    final List<Instruction> instructions = new ArrayList<>();
    Stage parent;

    Stage(int index, Instruction from, ImageRef image, String name, TextRange nameRange) {
        this.index = index;
        this.from = from;
        this.image = image;
        this.name = name;
        this.nameRange = nameRange;
    }

    public int index() {
        return index;
    }

    public Instruction from() {
        return from;
    }

    /** The base image, or null when FROM has no argument. */
    public ImageRef image() {
        return image;
    }

    /** The {@code AS} name as written, or null. */
    public String name() {
        return name;
    }

    public TextRange nameRange() {
        return nameRange;
    }

    /** The instructions after FROM. */
    public List<Instruction> instructions() {
        return instructions;
    }

    /** The earlier stage this one builds on ({@code FROM build AS test}), or null for an image. */
    public Stage parent() {
        return parent;
    }

    public List<Instruction> all(String keyword) {
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.is(keyword)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The last instruction with this keyword in this stage, or null. */
    public Instruction last(String keyword) {
        for (int k = instructions.size() - 1; k >= 0; k--) {
            if (instructions.get(k).is(keyword)) {
                return instructions.get(k);
            }
        }
        return null;
    }

    /** The last instruction with this keyword in this stage or, failing that, in the stages it builds on. */
    public Instruction lastInherited(String keyword) {
        int guard = 0;
        for (Stage s = this; s != null && guard++ < 1000; s = s.parent) {
            Instruction i = s.last(keyword);
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    /** This stage and the stages it builds on, nearest first. */
    public List<Stage> chain() {
        List<Stage> out = new ArrayList<>();
        int guard = 0;
        for (Stage s = this; s != null && guard++ < 1000; s = s.parent) {
            out.add(s);
        }
        return out;
    }

    /** The image at the root of the chain ({@code FROM node:20 AS base} for a stage built on {@code base}). */
    public ImageRef rootImage() {
        List<Stage> c = chain();
        return c.get(c.size() - 1).image;
    }

    /** A label for messages: the stage name, or its position. */
    public String label() {
        return name != null ? "'" + name + "'" : "#" + (index + 1);
    }
}
