package io.archlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The formats CI systems read: GitHub workflow commands, GitLab Code Quality JSON and JUnit XML. */
final class CiReports {
    private CiReports() {
    }

    /** {@code ::error file=..,line=..,col=..,endLine=..,endColumn=..,title=..::message}, one line per finding. */
    static void github(List<FileResult> results, PrintWriter out) {
        for (FileResult fr : results) {
            if (fr.analysis() == null) {
                continue;
            }
            LineIndex li = fr.analysis().file().lines();
            for (Finding f : fr.findings()) {
                Position s = li.position(f.range().start());
                Position e = li.position(f.range().end());
                String level = switch (f.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    default -> "notice";
                };
                out.println("::" + level + " file=" + property(fr.displayPath()) + ",line=" + (s.line() + 1)
                        + ",col=" + s.displayColumn() + ",endLine=" + (e.line() + 1) + ",endColumn="
                        + e.displayColumn() + ",title=" + property("ArchLens " + f.ruleId()) + "::"
                        + data(f.message() + "  (" + f.ruleId() + ")"));
            }
        }
    }

    /** A workflow command's message: {@code %}, CR and LF escaped, as GitHub's toolkit does. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A workflow command's property value: as {@link #data} and also {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** GitLab's Code Quality report: a JSON array of issues. */
    static void gitlab(List<FileResult> results, PrintWriter out) {
        ArrayNode issues = JsonReport.MAPPER.createArrayNode();
        Fingerprints.each(results, (fr, li, f, print) -> {
            ObjectNode o = issues.addObject();
            o.put("type", "issue");
            o.put("description", f.message());
            o.put("check_name", f.ruleId());
            o.put("fingerprint", print);
            o.put("severity", switch (f.severity()) {
                case ERROR -> "critical";
                case WARNING -> "major";
                case INFO -> "minor";
                case HINT -> "info";
            });
            o.putArray("categories").add(category(f));
            ObjectNode loc = o.putObject("location");
            loc.put("path", fr.displayPath());
            loc.putObject("lines").put("begin", li.lineOf(f.range().start()) + 1)
                    .put("end", li.lineOf(Math.max(f.range().start(), f.range().end() - 1)) + 1);
        });
        try {
            out.println(JsonReport.MAPPER.writeValueAsString(issues));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Code Climate's categories closest to ours. */
    private static String category(Finding f) {
        return switch (f.category().label()) {
            case "security" -> "Security";
            case "performance", "scalability", "cost" -> "Performance";
            case "maintainability" -> "Clarity";
            default -> "Bug Risk";
        };
    }

    /** JUnit XML: one test case per analysed file, failing with its findings; skipped files as skipped cases. */
    static void junit(List<FileResult> results, Severity failOn, PrintWriter out) {
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (FileResult fr : results) {
            tests++;
            if (fr.analysis() == null) {
                skipped++;
            } else if (fr.findings().stream().anyMatch(f -> f.severity().atLeast(failOn))) {
                failures++;
            }
        }
        StringWriter buf = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buf);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            suite(x, "testsuites", "archlens", tests, failures, skipped);
            suite(x, "testsuite", "archlens check", tests, failures, skipped);
            for (FileResult fr : results) {
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "archlens");
                x.writeAttribute("name", xml(fr.displayPath()));
                x.writeAttribute("file", xml(fr.displayPath()));
                if (fr.analysis() == null) {
                    x.writeEmptyElement("skipped");
                    x.writeAttribute("message", xml(String.valueOf(fr.skipReason())));
                } else {
                    List<Finding> failing = fr.findings().stream().filter(f -> f.severity().atLeast(failOn)).toList();
                    if (!failing.isEmpty()) {
                        x.writeStartElement("failure");
                        x.writeAttribute("message", CheckCommand.plural(failing.size(), "problem"));
                        x.writeAttribute("type", failing.stream().map(Finding::severity)
                                .reduce((a, b) -> a.atLeast(b) ? a : b).orElseThrow().label());
                        StringBuilder text = new StringBuilder();
                        LineIndex li = fr.analysis().file().lines();
                        for (Finding f : failing) {
                            Position p = li.position(f.range().start());
                            text.append(fr.displayPath()).append(':').append(p.line() + 1).append(':')
                                    .append(p.displayColumn()).append(": ").append(f.severity().label()).append(' ')
                                    .append(f.ruleId()).append(' ').append(f.message()).append('\n');
                        }
                        x.writeCharacters(xml(text.toString()));
                        x.writeEndElement();
                    }
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        out.println(buf);
    }

    private static void suite(XMLStreamWriter x, String element, String name, int tests, int failures, int skipped)
            throws XMLStreamException {
        x.writeStartElement(element);
        x.writeAttribute("name", name);
        x.writeAttribute("tests", String.valueOf(tests));
        x.writeAttribute("failures", String.valueOf(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", String.valueOf(skipped));
    }

    /** Drops the characters XML 1.0 cannot carry at all (control characters other than tab, CR and LF). */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            sb.appendCodePoint(ok ? c : 0xFFFD);
        });
        return sb.toString();
    }
}
