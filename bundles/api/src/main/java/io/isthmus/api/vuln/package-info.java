/** Known vulnerabilities (NVD CVEs, the CISA KEV catalog) matched to assets. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.vuln;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
