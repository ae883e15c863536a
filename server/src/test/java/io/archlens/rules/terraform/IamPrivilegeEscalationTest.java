package io.archlens.rules.terraform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How an action as written in a policy covers an action name. */
class IamPrivilegeEscalationTest {
    @Test
    void actionsMatchCaseInsensitivelyWithWildcards() {
        assertTrue(IamPrivilegeEscalation.matches("IAM:AttachRolePolicy", "iam:attachrolepolicy"));
        assertTrue(IamPrivilegeEscalation.matches("iam:Put*", "iam:putuserpolicy"));
        assertTrue(IamPrivilegeEscalation.matches("iam:Attach?serPolicy", "iam:attachuserpolicy"));
        assertTrue(IamPrivilegeEscalation.matches("iam:*", "iam:passrole"));
        assertFalse(IamPrivilegeEscalation.matches("iam:Get*", "iam:putuserpolicy"));
        assertFalse(IamPrivilegeEscalation.matches("iam:PassRoles", "iam:passrole"));
        assertFalse(IamPrivilegeEscalation.matches("s3:*", "iam:passrole"));
    }
}
