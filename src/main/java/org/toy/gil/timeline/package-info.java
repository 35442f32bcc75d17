/**
 * The GIL timeline of {@code toy --gil-trace=FILE.html}: the events one or more processes recorded
 * ({@link org.toy.gil.timeline.ProcessTrace}, children's written by
 * {@link org.toy.gil.timeline.TraceFiles}), turned into lanes of segments
 * ({@link org.toy.gil.timeline.Timeline}) and drawn as one HTML page with an inline SVG
 * ({@link org.toy.gil.timeline.TimelinePage}); {@link org.toy.gil.timeline.TraceSession} runs it
 * from the first event to the file.
 */
package org.toy.gil.timeline;
