/** Governed responses: proposed actions, policy decisions, approvals and the audit log. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.governance;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
