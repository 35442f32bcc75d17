/**
 * Bytes across processes: {@link org.toy.ipc.Codec} (Toy's pickle), length-prefixed
 * connections, pipes, queues and shared memory.
 */
package org.toy.ipc;
