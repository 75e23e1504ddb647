/** Responses: the record, its repository port, recording one (FeedbackRecorder) and what follows a recording (ClosedLoop: detractor alerts, webhook announcements). */
package dev.touchpoint.domain.response;
