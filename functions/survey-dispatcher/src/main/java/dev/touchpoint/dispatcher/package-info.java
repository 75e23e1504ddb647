/**
 * The survey-dispatcher function, run every minute by EventBridge Scheduler: sends the invitations
 * now due by email (SES) or SMS (SNS), with consent, cooldown, cap and quiet hours respected.
 */
package dev.touchpoint.dispatcher;
