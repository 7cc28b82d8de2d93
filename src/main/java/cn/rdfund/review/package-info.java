/** Expert review (专家评审): drawing a panel without conflicts of interest, weighted scores, aggregation. */
package cn.rdfund.review;
