/** Calls for applications (指南发布): budget, cap, technology areas and the application window. */
package cn.rdfund.call;
