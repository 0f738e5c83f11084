/** Connectors to EDR, ITSM and firewall systems, and the results of their calls. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.connector;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
