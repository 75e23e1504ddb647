/** Rules about text itself, whatever field it arrives in: what can be stored and queued. */
package dev.touchpoint.domain.text;
