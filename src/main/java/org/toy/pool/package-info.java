/**
 * {@code multiprocessing.Pool}: {@link org.toy.pool.ToyPool} over the worker children of
 * {@link org.toy.process.WorkerSet}, results delivered by a {@link org.toy.pool.HandlerThread}
 * to {@link org.toy.pool.PoolResult}s and {@link org.toy.pool.IMapIterator}s, and the
 * {@code multiprocessing.pool} module.
 */
package org.toy.pool;
