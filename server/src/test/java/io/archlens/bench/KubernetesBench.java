package io.archlens.bench;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.util.Arrays;
import java.util.Locale;

/**
 * Rule-book analysis time of a generated 5,000-line multi-document Kubernetes manifest (parse + every k8s/*
 * rule + annotation and comment suppressions). Not a JUnit test: run it with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.archlens.bench.KubernetesBench}
 * from {@code server/}. Optional arguments: measured runs (default 200), warm-up runs (default 200),
 * lines (default 5000).
 */
public final class KubernetesBench {
    private KubernetesBench() {
    }

    /**
     * One "service" of a platform repository as teams write them: a Deployment (hardened or not), its
     * Service, an Ingress, an HPA, a ConfigMap, and every third one a CronJob; repeated to {@code lines}.
     */
    public static String generate(int lines) {
        StringBuilder sb = new StringBuilder("# platform manifests, rendered for production\n");
        int i = 0;
        while (count(sb) < lines) {
            String name = "svc-" + i;
            boolean hardened = i % 2 == 0;
            sb.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").append(name)
                    .append("\n  namespace: platform\n  labels:\n    app.kubernetes.io/name: ").append(name)
                    .append("\n    app.kubernetes.io/part-of: platform\n");
            if (!hardened && i % 3 == 1) {
                sb.append("  annotations:\n    archlens.io/ignore: \"writable-root-filesystem -- legacy app writes its cache\"\n");
            }
            sb.append("spec:\n  replicas: ").append(i % 5 == 0 ? 1 : 3).append("\n  selector:\n    matchLabels:\n")
                    .append("      app.kubernetes.io/name: ").append(name).append('\n')
                    .append("  strategy:\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1\n")
                    .append("  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: ").append(name)
                    .append("\n    spec:\n      automountServiceAccountToken: false\n");
            if (hardened) {
                sb.append("      securityContext:\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n")
                        .append("      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n")
                        .append("          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n")
                        .append("              app.kubernetes.io/name: ").append(name).append('\n');
            }
            sb.append("      containers:\n        - name: app\n          image: registry.example.com/platform/").append(name)
                    .append(i % 4 == 3 ? ":latest" : ":2.").append(i % 4 == 3 ? "" : i + ".0").append('\n')
                    .append("          ports:\n            - name: http\n              containerPort: 8080\n")
                    .append("          env:\n            - name: LOG_LEVEL\n              value: info\n")
                    .append("            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n")
                    .append("                  name: ").append(name).append("-db\n                  key: password\n")
                    .append("          readinessProbe:\n            httpGet:\n              path: /ready\n              port: http\n")
                    .append("          livenessProbe:\n            httpGet:\n              path: /live\n              port: ")
                    .append(i % 6 == 5 ? "8081" : "http").append('\n')
                    .append("          resources:\n            requests:\n              cpu: 100m\n              memory: 256Mi\n");
            if (hardened) {
                sb.append("            limits:\n              memory: 512Mi\n")
                        .append("          securityContext:\n            allowPrivilegeEscalation: false\n")
                        .append("            readOnlyRootFilesystem: true\n            capabilities:\n              drop: [\"ALL\"]\n");
            }
            sb.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ").append(name)
                    .append("\n  namespace: platform\n  labels:\n    app.kubernetes.io/name: ").append(name)
                    .append("\nspec:\n  selector:\n    app.kubernetes.io/name: ").append(name)
                    .append("\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n");
            sb.append("---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ").append(name)
                    .append("\n  namespace: platform\nspec:\n  ingressClassName: nginx\n");
            if (hardened) {
                sb.append("  tls:\n    - hosts: [").append(name).append(".example.com]\n      secretName: ").append(name).append("-tls\n");
            }
            sb.append("  rules:\n    - host: ").append(name).append(".example.com\n      http:\n        paths:\n")
                    .append("          - path: /\n            pathType: Prefix\n            backend:\n              service:\n")
                    .append("                name: ").append(name).append("\n                port:\n                  name: http\n");
            sb.append("---\napiVersion: ").append(i % 3 == 0 ? "autoscaling/v2beta2" : "autoscaling/v2")
                    .append("\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ").append(name)
                    .append("\n  namespace: platform\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n")
                    .append("    name: ").append(name).append("\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n")
                    .append("    - type: Resource\n      resource:\n        name: cpu\n        target:\n")
                    .append("          type: Utilization\n          averageUtilization: 70\n");
            sb.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ").append(name)
                    .append("-config\n  namespace: platform\ndata:\n  application.yaml: |\n    server:\n      port: 8080\n")
                    .append("    logging:\n      level:\n        root: INFO\n");
            if (i % 3 == 0) {
                sb.append("---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ").append(name)
                        .append("-cleanup\n  namespace: platform\nspec:\n  schedule: \"0 3 * * *\"\n  concurrencyPolicy: Forbid\n")
                        .append("  jobTemplate:\n    spec:\n      backoffLimit: 1\n      template:\n        spec:\n")
                        .append("          restartPolicy: OnFailure\n          containers:\n            - name: cleanup\n")
                        .append("              image: registry.example.com/platform/cleanup:1.0.").append(i).append('\n')
                        .append("              args: [\"--older-than\", \"30d\"]\n");
            }
            i++;
        }
        return sb.toString();
    }

    static int count(CharSequence s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        String text = generate(lines);
        SourceFile file = SourceFile.of("k8s/platform.yaml", text, FileKind.KUBERNETES);
        run("KubernetesBench", file, runs, warmup);
    }

    /** Warm up, then time {@code runs} analyses and print the figures (shared with ComposeBench). */
    static void run(String name, SourceFile file, int runs, int warmup) {
        RuleBook book = RuleBook.loadDefault();
        int findings = 0;
        for (int k = 0; k < warmup; k++) {
            findings = book.analyze(file, Settings.DEFAULTS).findings().size();
        }
        long[] ns = new long[runs];
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            book.analyze(file, Settings.DEFAULTS);
            ns[k] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%s: %d lines, %d chars, %d findings, %d runs after %d warm-up%n",
                name, count(file.text()), file.text().length(), findings, runs, warmup);
        System.out.printf(Locale.ROOT, "median %.2f ms, p95 %.2f ms, min %.2f ms%n", ns[runs / 2] / 1e6,
                ns[(int) Math.min(runs - 1, Math.round(runs * 0.95))] / 1e6, ns[0] / 1e6);
    }
}
