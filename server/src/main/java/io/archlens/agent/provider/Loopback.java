package io.archlens.agent.provider;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;

/**
 * What counts as "this machine" when deciding whether the API key may travel over plain HTTP: an IPv4 literal in
 * 127.0.0.0/8, the IPv6 literal {@code ::1}, or exactly {@code localhost} — never a name that merely starts with
 * {@code 127.} (which anyone can register) — and, for {@code localhost}, only the loopback addresses it resolves
 * to ({@link #DNS}), so a tampered hosts file cannot send the key elsewhere either.
 */
public final class Loopback {
    private Loopback() {
    }

    /** True for loopback IP literals and exactly {@code localhost}; no name resolution happens here. */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int[] v4 = ipv4(h);
        if (v4 != null) {
            return v4[0] == 127;
        }
        if (h.indexOf(':') >= 0 && h.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            try {
                // A literal with ':' is parsed, never looked up.
                InetAddress a = InetAddress.getByName(h);
                return a instanceof Inet6Address && a.isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** The four octets of a strict dotted-quad IPv4 literal, or null when {@code h} is not one. */
    static int[] ipv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            out[i] = Integer.parseInt(p);
            if (out[i] > 255) {
                return null;
            }
        }
        return out;
    }

    /**
     * Name resolution for the agent's HTTP client: {@code localhost} may only resolve to loopback addresses (the key
     * may go to it over plain HTTP); every other name resolves as usual.
     */
    public static final Dns DNS = hostname -> {
        List<InetAddress> all = Dns.SYSTEM.lookup(hostname);
        if (!isLoopbackHost(hostname)) {
            return all;
        }
        List<InetAddress> local = all.stream().filter(InetAddress::isLoopbackAddress).toList();
        if (local.isEmpty()) {
            throw new UnknownHostException(hostname + " does not resolve to a loopback address; refusing to connect");
        }
        return local;
    };
}
