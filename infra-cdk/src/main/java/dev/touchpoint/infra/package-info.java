/**
 * The CDK app that deploys Touchpoint: {@link dev.touchpoint.infra.TouchpointApp} reads the stage's
 * configuration and builds {@link dev.touchpoint.infra.TouchpointStack} from small constructs, each
 * named for what it deploys. cdk-nag's AwsSolutions checks run on every synth.
 */
package dev.touchpoint.infra;
