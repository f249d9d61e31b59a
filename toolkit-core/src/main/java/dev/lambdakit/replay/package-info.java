/**
 * Recorded AWS traffic: a proxy that records a backend's answers once and replays them where no backend runs.
 */
package dev.lambdakit.replay;
