/**
 * Child interpreters: {@link org.toy.process.ToyProcess} (≈ {@code BaseProcess}),
 * {@link org.toy.process.Spawn} (the command line and the preparation data),
 * {@link org.toy.process.Spares} (the warm spare child that the next start takes),
 * {@link org.toy.process.ChildMain} (≈ {@code spawn_main}) with its {@link org.toy.process.Lifeline}
 * and {@link org.toy.process.WarmUp}, {@link org.toy.process.WorkerSet} (the long-lived workers
 * of a pool or a process executor), and the {@code multiprocessing} module.
 */
package org.toy.process;
