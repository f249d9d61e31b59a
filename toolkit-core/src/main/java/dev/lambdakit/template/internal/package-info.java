/** Reading templates: YAML with CloudFormation's short tags, intrinsic functions, resource names, properties. */
package dev.lambdakit.template.internal;
