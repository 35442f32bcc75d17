/**
 * {@code multiprocessing.Manager()}: a manager process that holds ordinary Toy objects (dicts,
 * lists, namespaces, threading locks, queues) and serves method calls on them to proxies in any
 * process of the program. Read {@link org.toy.manager.ManagerServer} first.
 */
package org.toy.manager;
