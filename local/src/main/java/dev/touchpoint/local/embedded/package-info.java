/** DynamoDB Local and ElasticMQ, started in this JVM on loopback ports, and the resources the suite needs in them. */
package dev.touchpoint.local.embedded;
