package io.archlens.syntax.hcl.eval;

import io.archlens.syntax.hcl.HclExpr;

/** {@code !}, unary {@code -}, {@code && || == != < <= > >= + - * / %} over known values. */
final class Operators {
    private Operators() {
    }

    static Value unary(char op, Value v) {
        if (!v.known()) {
            return Value.unknown();
        }
        if (op == '!' && v.bool() != null) {
            return Value.of(!v.bool()).withTrace(v.trace());
        }
        if (op == '-' && v.num() != null) {
            return Value.of(-v.num()).withTrace(v.trace());
        }
        return Value.unknown();
    }

    static Value binary(String op, HclExpr left, HclExpr right, Evaluator ev) {
        Value a = ev.eval(left);
        if (op.equals("&&") || op.equals("||")) {
            return logic(op.equals("&&"), a, ev.eval(right));
        }
        Value b = ev.eval(right);
        if (!a.known() || !b.known()) {
            return Value.unknown();
        }
        switch (op) {
            case "==":
                return Value.of(a.sameAs(b));
            case "!=":
                return Value.of(!a.sameAs(b));
            default:
                break;
        }
        Double x = a.num();
        Double y = b.num();
        if (x == null || y == null) {
            return Value.unknown();
        }
        return switch (op) {
            case "<" -> Value.of(x < y);
            case "<=" -> Value.of(x <= y);
            case ">" -> Value.of(x > y);
            case ">=" -> Value.of(x >= y);
            case "+" -> Value.of(x + y);
            case "-" -> Value.of(x - y);
            case "*" -> Value.of(x * y);
            case "/" -> y == 0 ? Value.error() : Value.of(x / y);
            case "%" -> y == 0 ? Value.error() : Value.of(x % y);
            default -> Value.unknown();
        };
    }

    /** Three-valued: false && unknown is false, true || unknown is true. */
    private static Value logic(boolean and, Value a, Value b) {
        Boolean x = a.known() ? a.bool() : null;
        Boolean y = b.known() ? b.bool() : null;
        if (and) {
            if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
                return Value.of(false);
            }
            return x != null && y != null ? Value.of(true) : Value.unknown();
        }
        if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
            return Value.of(true);
        }
        return x != null && y != null ? Value.of(false) : Value.unknown();
    }
}
