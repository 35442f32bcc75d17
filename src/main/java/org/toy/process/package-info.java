/**
 * Child interpreters: {@link org.toy.process.ToyProcess} (≈ {@code BaseProcess}),
 * {@link org.toy.process.Spawn} (the command line and the preparation data),
 * {@link org.toy.process.ChildMain} (≈ {@code spawn_main}), {@link org.toy.process.WorkerSet}
 * (the long-lived workers of a pool or a process executor), and the {@code multiprocessing}
 * module.
 */
package org.toy.process;
