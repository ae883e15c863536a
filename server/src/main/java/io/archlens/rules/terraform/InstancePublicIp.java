package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** A virtual machine given a public IP: EC2 instances and launch templates, GCE instances and templates. */
public final class InstancePublicIp extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/instance-public-ip",
            "Virtual machine gets a public IP address", Severity.WARNING, Category.SECURITY, FileKind.TERRAFORM);

    private static final String WHY = ": every port its firewall allows is reachable from the internet and the"
            + " machine is an entry point to the network; put it in a private subnet behind a load balancer, NAT"
            + " or bastion (if it is meant to face the internet, suppress with the reason)";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_instance", "aws_launch_template", "google_compute_instance",
                "google_compute_instance_template", "google_compute_instance_from_template");
    }

    @Override
    void judge(Subject s) {
        switch (s.type()) {
            case "aws_instance" -> {
                Subject.Attr a = s.attr("associate_public_ip_address");
                if (a != null && a.isTrue()) {
                    s.bad(a, "Instance " + s.name() + " has associate_public_ip_address = true" + WHY, null);
                }
            }
            case "aws_launch_template" -> {
                for (HclBlock ni : s.blocks(s.block(), "network_interfaces")) {
                    Subject.Attr a = s.attr(ni, "associate_public_ip_address");
                    if (a != null && a.isTrue()) {
                        s.bad(a, "Launch template " + s.name() + " gives its instances a public IP"
                                + " (associate_public_ip_address = true)" + WHY, null);
                        return;
                    }
                }
            }
            default -> {
                for (HclBlock ni : s.blocks(s.block(), "network_interface")) {
                    HclBlock access = s.block(ni, "access_config");
                    if (access != null) {
                        s.missing(access.typeRange(), "Instance " + s.name() + " has an access_config on"
                                + " its network interface, which gives it an external IP" + WHY, null);
                        return;
                    }
                }
            }
        }
    }
}
