/**
 * The command line (picocli): {@code run}, {@code poll}, {@code status}, {@code check-config};
 * wires the stages together with {@code new} and owns start-up and shutdown order.
 */
package org.feedmerge.cli;
