/** Money helpers: exact yuan (BigDecimal, two decimals) and their 万元 display. */
package cn.rdfund.money;
