/**
 * Toy's threads, step "vm + gil" of the data flow: {@code threading.Thread} ({@link org.toy.threads.ToyThread}, a
 * real platform thread with its own ThreadState), the {@code thread()} built-in, the {@code threading} and
 * {@code queue} modules ({@link org.toy.threads.ThreadingModule}), and the one door through which a Toy thread
 * waits for another ({@link org.toy.threads.Threads#block}), where the deadlock detector lives. Locks and joins
 * wait there; conditions, events, semaphores, barriers and queues are built on locks as in threading.py.
 */
package org.toy.threads;
