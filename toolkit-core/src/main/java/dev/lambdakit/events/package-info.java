/** Lambda events: JSON exactly as the Java runtime reads and writes it. */
package dev.lambdakit.events;
