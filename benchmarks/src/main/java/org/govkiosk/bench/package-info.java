/** Benchmarks that print figures (JMH or plain harnesses); run by scripts/bench-*.sh, never by the test build. */
package org.govkiosk.bench;
