/**
 * 立项遴选: ranking a call's reviewed applications within its budget, the public notice (公示) with its
 * objections, and the projects of the final list.
 */
package cn.rdfund.selection;
