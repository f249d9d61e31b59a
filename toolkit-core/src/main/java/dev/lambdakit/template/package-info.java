/**
 * SAM and CloudFormation templates as the functions' configuration ({@link dev.lambdakit.template.SamTemplate}): a
 * function's settings, events and what LambdaKit skips, read from the template a team deploys.
 */
package dev.lambdakit.template;
