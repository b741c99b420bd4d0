<%@ page contentType="text/html;charset=UTF-8" language="java" %>
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>渼阳县湑岭镇人民政府2024年度部门决算公开_财政预决算_渼阳县人民政府</title>
<meta name="ArticleTitle" content="渼阳县湑岭镇人民政府2024年度部门决算公开">
<meta name="PubDate" content="2025-08-26 16:20">
<meta name="ContentSource" content="湑岭镇人民政府">
<link rel="stylesheet" href="/images/2023/css/common.css"><script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || [];</script></head><body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="渼阳县人民政府"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/col/col1001/">走进渼阳</a></li><li><a href="/col/col1002/">政务公开</a></li><li><a href="/col/col1003/">政务服务</a></li><li><a href="/col/col1004/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1002/">政务公开</a> &gt; <a href="/col/col1206/">乡镇信息公开</a> &gt; <a href="/col/col1206/">湑岭镇</a> &gt; 财政预决算</div>
<div class="article"><h1 class="title">渼阳县湑岭镇人民政府2024年度部门决算公开</h1>
<div class="info"><span>发布时间：2025-08-26 16:20</span><span>信息来源：湑岭镇人民政府</span><span>浏览次数：<script>document.write("");</script>318</span><span>字号：[<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>]</span></div>
<div id="zoom" class="TRS_Editor">
<p style="text-align:center;"><strong>目　　录</strong></p>
<p style="text-indent:0;">第一部分　湑岭镇人民政府概况<br>一、主要职能<br>二、机构设置及决算单位构成<br>第二部分　2024年度部门决算表<br>第三部分　2024年度部门决算情况说明<br>第四部分　名词解释</p>
<p style="text-align:center;"><strong>第一部分　湑岭镇人民政府概况</strong></p>
<p style="text-indent:2em;"><strong>一、主要职能</strong></p>
<p style="text-indent:2em;">湑岭镇位于渼阳县东北部，辖14个行政村、2个社区，户籍人口3.86万人。湑岭镇人民政府是本镇的一级国家行政机关，主要职能是：（一）执行本级人民代表大会的决议和上级国家行政机关的决定和命令，发布决定和命令；（二）执行本行政区域内的经济和社会发展计划、预算，管理本行政区域内的经济、教育、科学、文化、卫生、体育事业和财政、民政、公安、司法行政、计划生育等行政工作；（三）保护社会主义的全民所有的财产和劳动群众集体所有的财产，保护公民私人所有的合法财产，维护社会秩序，保障公民的人身权利、民主权利和其他权利；（四）指导村民委员会、居民委员会开展基层群众自治，推进乡村振兴和农村人居环境整治；（五）承担本辖区安全生产、防汛抗旱、森林防火和生态环境保护的属地管理责任；（六）办理上级人民政府交办的其他事项。</p>
<p style="text-indent:2em;"><strong>二、机构设置及决算单位构成</strong></p>
<p style="text-indent:2em;">湑岭镇内设党政综合办公室、党建工作办公室、经济发展办公室、社会事务办公室、平安建设办公室、自然资源和生态环境办公室6个综合办事机构；下设湑岭镇农业农村综合服务中心、湑岭镇社会事务综合服务中心2个事业单位，均为公益一类事业单位，财务由镇财政所统一核算。</p>
<p style="text-indent:2em;">纳入湑岭镇人民政府2024年度部门决算编制范围的单位共3个，包括：湑岭镇本级（行政单位）、湑岭镇农业农村综合服务中心、湑岭镇社会事务综合服务中心。</p>
<p style="text-indent:2em;">截至2024年底，本部门核定行政编制38名、事业编制26名；年末实有在职人员59人，其中行政人员35人、事业人员24人；离退休人员31人。</p>
<p style="text-align:center;"><strong>第二部分　2024年度部门决算表</strong></p>
<p style="text-align:center;"><strong>收入支出决算总表</strong></p>
<p style="text-align:left;">公开01表&nbsp;&nbsp;&nbsp;&nbsp;部门：渼阳县湑岭镇人民政府&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:12px;">
<tr><td colspan="2" class="th">收　　入</td><td colspan="2" class="th">支　　出</td></tr>
<tr><td class="th">项目</td><td class="th">决算数</td><td class="th">项目</td><td class="th">决算数</td></tr>
<tr><td>一、一般公共预算财政拨款收入</td><td>3547.93</td><td>一、一般公共服务支出</td><td>1490.79</td></tr>
<tr><td>二、政府性基金预算财政拨款收入</td><td>1260.00</td><td>二、公共安全支出</td><td>18.50</td></tr>
<tr><td>三、国有资本经营预算财政拨款收入</td><td>0.00</td><td>三、文化旅游体育与传媒支出</td><td>22.40</td></tr>
<tr><td>四、上级补助收入</td><td>0.00</td><td>四、社会保障和就业支出</td><td>341.89</td></tr>
<tr><td>五、事业收入</td><td>0.00</td><td>五、卫生健康支出</td><td>84.50</td></tr>
<tr><td>六、经营收入</td><td>0.00</td><td>六、节能环保支出</td><td>45.00</td></tr>
<tr><td>七、附属单位上缴收入</td><td>0.00</td><td>七、城乡社区支出</td><td>1065.14</td></tr>
<tr><td>八、其他收入</td><td>42.36</td><td>八、农林水支出</td><td>1090.90</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>九、住房保障支出</td><td>98.27</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>十、灾害防治及应急管理支出</td><td>15.20</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>十一、其他支出</td><td>816.80</td></tr>
<tr><td class="b">本年收入合计</td><td>4850.29</td><td class="b">本年支出合计</td><td>5089.39</td></tr>
<tr><td>使用非财政拨款结余</td><td>0.00</td><td>结余分配</td><td>0.00</td></tr>
<tr><td>年初结转和结余</td><td>514.52</td><td>年末结转和结余</td><td>275.42</td></tr>
<tr><td class="b">总计</td><td>5364.81</td><td class="b">总计</td><td>5364.81</td></tr>
</table>
<p style="text-align:center;"><strong>收入决算表</strong></p>
<p style="text-align:left;">公开02表&nbsp;&nbsp;&nbsp;&nbsp;部门：渼阳县湑岭镇人民政府&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:12px;">
<tr><td class="th">科目编码</td><td class="th">科目名称</td><td class="th">本年收入合计</td><td class="th">财政拨款收入</td><td class="th">上级补助收入</td><td class="th">事业收入</td><td class="th">经营收入</td><td class="th">附属单位上缴收入</td><td class="th">其他收入</td></tr>
<tr><td colspan="2" class="b">合计</td><td>4850.29</td><td>4807.93</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>42.36</td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>1490.79</td><td>1490.79</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>204</td><td>公共安全支出</td><td>18.50</td><td>18.50</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>207</td><td>文化旅游体育与传媒支出</td><td>22.40</td><td>22.40</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>208</td><td>社会保障和就业支出</td><td>341.89</td><td>341.89</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>210</td><td>卫生健康支出</td><td>84.50</td><td>84.50</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>211</td><td>节能环保支出</td><td>45.00</td><td>45.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>212</td><td>城乡社区支出</td><td>982.84</td><td>940.48</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>42.36</td></tr>
<tr><td>213</td><td>农林水支出</td><td>1050.90</td><td>1050.90</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>221</td><td>住房保障支出</td><td>98.27</td><td>98.27</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>224</td><td>灾害防治及应急管理支出</td><td>15.20</td><td>15.20</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>229</td><td>其他支出</td><td>700.00</td><td>700.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
</table>
<p style="text-align:center;"><strong>支出决算表</strong></p>
<p style="text-align:left;">公开03表&nbsp;&nbsp;&nbsp;&nbsp;部门：渼阳县湑岭镇人民政府&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:12px;">
<tr><td class="th">科目编码</td><td class="th">科目名称</td><td class="th">本年支出合计</td><td class="th">基本支出</td><td class="th">项目支出</td><td class="th">上缴上级支出</td><td class="th">经营支出</td><td class="th">对附属单位补助支出</td></tr>
<tr><td colspan="2" class="b">合计</td><td>5089.39</td><td>2005.30</td><td>3084.09</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>1490.79</td><td>1324.64</td><td>166.15</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>20101</td><td>人大事务</td><td>6.80</td><td>&nbsp;</td><td>6.80</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2010104</td><td>人大会议</td><td>6.80</td><td>&nbsp;</td><td>6.80</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>20103</td><td>政府办公厅（室）及相关机构事务</td><td>1421.19</td><td>1324.64</td><td>96.55</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2010301</td><td>行政运行</td><td>1012.46</td><td>1012.46</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2010350</td><td>事业运行</td><td>312.18</td><td>312.18</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2010399</td><td>其他政府办公厅（室）及相关机构事务支出</td><td>96.55</td><td>&nbsp;</td><td>96.55</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>20131</td><td>党委办公厅（室）及相关机构事务</td><td>38.20</td><td>&nbsp;</td><td>38.20</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2013102</td><td>一般行政管理事务</td><td>38.20</td><td>&nbsp;</td><td>38.20</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>20132</td><td>组织事务</td><td>24.60</td><td>&nbsp;</td><td>24.60</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2013299</td><td>其他组织事务支出</td><td>24.60</td><td>&nbsp;</td><td>24.60</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>204</td><td>公共安全支出</td><td>18.50</td><td>&nbsp;</td><td>18.50</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>20499</td><td>其他公共安全支出</td><td>18.50</td><td>&nbsp;</td><td>18.50</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2049999</td><td>其他公共安全支出</td><td>18.50</td><td>&nbsp;</td><td>18.50</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>207</td><td>文化旅游体育与传媒支出</td><td>22.40</td><td>&nbsp;</td><td>22.40</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>20701</td><td>文化和旅游</td><td>22.40</td><td>&nbsp;</td><td>22.40</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2070109</td><td>群众文化</td><td>22.40</td><td>&nbsp;</td><td>22.40</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>208</td><td>社会保障和就业支出</td><td>341.89</td><td>260.99</td><td>80.90</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>20802</td><td>民政管理事务</td><td>68.30</td><td>&nbsp;</td><td>68.30</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2080208</td><td>基层政权建设和社区治理</td><td>68.30</td><td>&nbsp;</td><td>68.30</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>20805</td><td>行政事业单位养老支出</td><td>260.99</td><td>260.99</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2080505</td><td>机关事业单位基本养老保险缴费支出</td><td>186.42</td><td>186.42</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2080506</td><td>机关事业单位职业年金缴费支出</td><td>74.57</td><td>74.57</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>20828</td><td>退役军人管理事务</td><td>12.60</td><td>&nbsp;</td><td>12.60</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2082899</td><td>其他退役军人事务管理支出</td><td>12.60</td><td>&nbsp;</td><td>12.60</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>210</td><td>卫生健康支出</td><td>84.50</td><td>84.50</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>21011</td><td>行政事业单位医疗</td><td>84.50</td><td>84.50</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2101101</td><td>行政单位医疗</td><td>58.36</td><td>58.36</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2101102</td><td>事业单位医疗</td><td>26.14</td><td>26.14</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>211</td><td>节能环保支出</td><td>45.00</td><td>&nbsp;</td><td>45.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>21103</td><td>污染防治</td><td>45.00</td><td>&nbsp;</td><td>45.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2110302</td><td>水体</td><td>45.00</td><td>&nbsp;</td><td>45.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>212</td><td>城乡社区支出</td><td>1065.14</td><td>&nbsp;</td><td>1065.14</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>21203</td><td>城乡社区公共设施</td><td>206.39</td><td>&nbsp;</td><td>206.39</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2120399</td><td>其他城乡社区公共设施支出</td><td>206.39</td><td>&nbsp;</td><td>206.39</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>21205</td><td>城乡社区环境卫生</td><td>238.75</td><td>&nbsp;</td><td>238.75</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2120501</td><td>城乡社区环境卫生</td><td>238.75</td><td>&nbsp;</td><td>238.75</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>21208</td><td>国有土地使用权出让收入安排的支出</td><td>620.00</td><td>&nbsp;</td><td>620.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2120804</td><td>农村基础设施建设支出</td><td>620.00</td><td>&nbsp;</td><td>620.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>213</td><td>农林水支出</td><td>1090.90</td><td>236.90</td><td>854.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>21301</td><td>农业农村</td><td>236.90</td><td>236.90</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2130104</td><td>事业运行</td><td>236.90</td><td>236.90</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>21303</td><td>水利</td><td>32.80</td><td>&nbsp;</td><td>32.80</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2130314</td><td>防汛</td><td>32.80</td><td>&nbsp;</td><td>32.80</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>21305</td><td>巩固拓展脱贫攻坚成果衔接乡村振兴</td><td>120.00</td><td>&nbsp;</td><td>120.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2130599</td><td>其他巩固脱贫攻坚成果衔接乡村振兴支出</td><td>120.00</td><td>&nbsp;</td><td>120.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>21307</td><td>农村综合改革</td><td>701.20</td><td>&nbsp;</td><td>701.20</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2130701</td><td>对村级公益事业建设的补助</td><td>215.00</td><td>&nbsp;</td><td>215.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2130705</td><td>对村民委员会和村党支部的补助</td><td>486.20</td><td>&nbsp;</td><td>486.20</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>221</td><td>住房保障支出</td><td>98.27</td><td>98.27</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>22102</td><td>住房改革支出</td><td>98.27</td><td>98.27</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2210201</td><td>住房公积金</td><td>98.27</td><td>98.27</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>224</td><td>灾害防治及应急管理支出</td><td>15.20</td><td>&nbsp;</td><td>15.20</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>22401</td><td>应急管理事务</td><td>15.20</td><td>&nbsp;</td><td>15.20</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2240106</td><td>安全监管</td><td>15.20</td><td>&nbsp;</td><td>15.20</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>229</td><td>其他支出</td><td>816.80</td><td>&nbsp;</td><td>816.80</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>22904</td><td>其他政府性基金及对应专项债务收入安排的支出</td><td>760.00</td><td>&nbsp;</td><td>760.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2290402</td><td>其他地方自行试点项目收益专项债券收入安排的支出</td><td>760.00</td><td>&nbsp;</td><td>760.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>22960</td><td>彩票公益金安排的支出</td><td>56.80</td><td>&nbsp;</td><td>56.80</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2296002</td><td>用于社会福利的彩票公益金支出</td><td>56.80</td><td>&nbsp;</td><td>56.80</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
</table>
<p style="text-align:center;"><strong>财政拨款收入支出决算总表</strong></p>
<p style="text-align:left;">公开04表&nbsp;&nbsp;&nbsp;&nbsp;部门：渼阳县湑岭镇人民政府&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:12px;">
<tr><td colspan="2" class="th">收　　入</td><td colspan="5" class="th">支　　出</td></tr>
<tr><td class="th">项目</td><td class="th">决算数</td><td class="th">项目</td><td class="th">合计</td><td class="th">一般公共预算财政拨款</td><td class="th">政府性基金预算财政拨款</td><td class="th">国有资本经营预算财政拨款</td></tr>
<tr><td>一、一般公共预算财政拨款</td><td>3547.93</td><td>一、一般公共服务支出</td><td>1490.79</td><td>1490.79</td><td>0.00</td><td>0.00</td></tr>
<tr><td>二、政府性基金预算财政拨款</td><td>1260.00</td><td>二、公共安全支出</td><td>18.50</td><td>18.50</td><td>0.00</td><td>0.00</td></tr>
<tr><td>三、国有资本经营预算财政拨款</td><td>0.00</td><td>三、文化旅游体育与传媒支出</td><td>22.40</td><td>22.40</td><td>0.00</td><td>0.00</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>四、社会保障和就业支出</td><td>341.89</td><td>341.89</td><td>0.00</td><td>0.00</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>五、卫生健康支出</td><td>84.50</td><td>84.50</td><td>0.00</td><td>0.00</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>六、节能环保支出</td><td>45.00</td><td>45.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>七、城乡社区支出</td><td>1019.23</td><td>399.23</td><td>620.00</td><td>0.00</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>八、农林水支出</td><td>1090.90</td><td>1090.90</td><td>0.00</td><td>0.00</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>九、住房保障支出</td><td>98.27</td><td>98.27</td><td>0.00</td><td>0.00</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>十、灾害防治及应急管理支出</td><td>15.20</td><td>15.20</td><td>0.00</td><td>0.00</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>十一、其他支出</td><td>816.80</td><td>0.00</td><td>816.80</td><td>0.00</td></tr>
<tr><td class="b">本年收入合计</td><td>4807.93</td><td class="b">本年支出合计</td><td>5043.48</td><td>3606.68</td><td>1436.80</td><td>0.00</td></tr>
<tr><td>年初财政拨款结转和结余</td><td>506.40</td><td>年末财政拨款结转和结余</td><td>270.85</td><td>127.65</td><td>143.20</td><td>0.00</td></tr>
<tr><td>　　一般公共预算财政拨款</td><td>186.40</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>　　政府性基金预算财政拨款</td><td>320.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>　　国有资本经营预算财政拨款</td><td>0.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td class="b">总计</td><td>5314.33</td><td class="b">总计</td><td>5314.33</td><td>3734.33</td><td>1580.00</td><td>0.00</td></tr>
</table>
<p style="text-align:center;"><strong>一般公共预算财政拨款支出决算表</strong></p>
<p style="text-align:left;">公开05表&nbsp;&nbsp;&nbsp;&nbsp;部门：渼阳县湑岭镇人民政府&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:12px;">
<tr><td rowspan="2" class="th">科目编码</td><td rowspan="2" class="th">科目名称</td><td rowspan="2" class="th">年初预算数</td><td rowspan="2" class="th">调整预算数</td><td colspan="3" class="th">决算数</td><td rowspan="2" class="th">决算数为调整预算数的%</td></tr>
<tr><td class="th">小计</td><td class="th">基本支出</td><td class="th">项目支出</td></tr>
<tr><td colspan="2" class="b">合计</td><td>3211.84</td><td>3632.69</td><td>3606.68</td><td>2005.30</td><td>1601.38</td><td>99.28</td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>1401.90</td><td>1505.50</td><td>1490.79</td><td>1324.64</td><td>166.15</td><td>99.02</td></tr>
<tr><td>20101</td><td>人大事务</td><td>8.00</td><td>7.00</td><td>6.80</td><td>&nbsp;</td><td>6.80</td><td>97.14</td></tr>
<tr><td>2010104</td><td>人大会议</td><td>8.00</td><td>7.00</td><td>6.80</td><td>&nbsp;</td><td>6.80</td><td>97.14</td></tr>
<tr><td>20103</td><td>政府办公厅（室）及相关机构事务</td><td>1333.90</td><td>1433.50</td><td>1421.19</td><td>1324.64</td><td>96.55</td><td>99.14</td></tr>
<tr><td>2010301</td><td>行政运行</td><td>968.30</td><td>1020.50</td><td>1012.46</td><td>1012.46</td><td>&nbsp;</td><td>99.21</td></tr>
<tr><td>2010350</td><td>事业运行</td><td>305.60</td><td>315.00</td><td>312.18</td><td>312.18</td><td>&nbsp;</td><td>99.10</td></tr>
<tr><td>2010399</td><td>其他政府办公厅（室）及相关机构事务支出</td><td>60.00</td><td>98.00</td><td>96.55</td><td>&nbsp;</td><td>96.55</td><td>98.52</td></tr>
<tr><td>20131</td><td>党委办公厅（室）及相关机构事务</td><td>40.00</td><td>40.00</td><td>38.20</td><td>&nbsp;</td><td>38.20</td><td>95.50</td></tr>
<tr><td>2013102</td><td>一般行政管理事务</td><td>40.00</td><td>40.00</td><td>38.20</td><td>&nbsp;</td><td>38.20</td><td>95.50</td></tr>
<tr><td>20132</td><td>组织事务</td><td>20.00</td><td>25.00</td><td>24.60</td><td>&nbsp;</td><td>24.60</td><td>98.40</td></tr>
<tr><td>2013299</td><td>其他组织事务支出</td><td>20.00</td><td>25.00</td><td>24.60</td><td>&nbsp;</td><td>24.60</td><td>98.40</td></tr>
<tr><td>204</td><td>公共安全支出</td><td>15.00</td><td>18.50</td><td>18.50</td><td>&nbsp;</td><td>18.50</td><td>100.00</td></tr>
<tr><td>20499</td><td>其他公共安全支出</td><td>15.00</td><td>18.50</td><td>18.50</td><td>&nbsp;</td><td>18.50</td><td>100.00</td></tr>
<tr><td>2049999</td><td>其他公共安全支出</td><td>15.00</td><td>18.50</td><td>18.50</td><td>&nbsp;</td><td>18.50</td><td>100.00</td></tr>
<tr><td>207</td><td>文化旅游体育与传媒支出</td><td>25.00</td><td>23.00</td><td>22.40</td><td>&nbsp;</td><td>22.40</td><td>97.39</td></tr>
<tr><td>20701</td><td>文化和旅游</td><td>25.00</td><td>23.00</td><td>22.40</td><td>&nbsp;</td><td>22.40</td><td>97.39</td></tr>
<tr><td>2070109</td><td>群众文化</td><td>25.00</td><td>23.00</td><td>22.40</td><td>&nbsp;</td><td>22.40</td><td>97.39</td></tr>
<tr><td>208</td><td>社会保障和就业支出</td><td>315.64</td><td>343.59</td><td>341.89</td><td>260.99</td><td>80.90</td><td>99.51</td></tr>
<tr><td>20802</td><td>民政管理事务</td><td>50.00</td><td>70.00</td><td>68.30</td><td>&nbsp;</td><td>68.30</td><td>97.57</td></tr>
<tr><td>2080208</td><td>基层政权建设和社区治理</td><td>50.00</td><td>70.00</td><td>68.30</td><td>&nbsp;</td><td>68.30</td><td>97.57</td></tr>
<tr><td>20805</td><td>行政事业单位养老支出</td><td>255.64</td><td>260.99</td><td>260.99</td><td>260.99</td><td>&nbsp;</td><td>100.00</td></tr>
<tr><td>2080505</td><td>机关事业单位基本养老保险缴费支出</td><td>182.60</td><td>186.42</td><td>186.42</td><td>186.42</td><td>&nbsp;</td><td>100.00</td></tr>
<tr><td>2080506</td><td>机关事业单位职业年金缴费支出</td><td>73.04</td><td>74.57</td><td>74.57</td><td>74.57</td><td>&nbsp;</td><td>100.00</td></tr>
<tr><td>20828</td><td>退役军人管理事务</td><td>10.00</td><td>12.60</td><td>12.60</td><td>&nbsp;</td><td>12.60</td><td>100.00</td></tr>
<tr><td>2082899</td><td>其他退役军人事务管理支出</td><td>10.00</td><td>12.60</td><td>12.60</td><td>&nbsp;</td><td>12.60</td><td>100.00</td></tr>
<tr><td>210</td><td>卫生健康支出</td><td>82.80</td><td>84.60</td><td>84.50</td><td>84.50</td><td>&nbsp;</td><td>99.88</td></tr>
<tr><td>21011</td><td>行政事业单位医疗</td><td>82.80</td><td>84.60</td><td>84.50</td><td>84.50</td><td>&nbsp;</td><td>99.88</td></tr>
<tr><td>2101101</td><td>行政单位医疗</td><td>57.20</td><td>58.40</td><td>58.36</td><td>58.36</td><td>&nbsp;</td><td>99.93</td></tr>
<tr><td>2101102</td><td>事业单位医疗</td><td>25.60</td><td>26.20</td><td>26.14</td><td>26.14</td><td>&nbsp;</td><td>99.77</td></tr>
<tr><td>211</td><td>节能环保支出</td><td>0.00</td><td>45.00</td><td>45.00</td><td>&nbsp;</td><td>45.00</td><td>100.00</td></tr>
<tr><td>21103</td><td>污染防治</td><td>0.00</td><td>45.00</td><td>45.00</td><td>&nbsp;</td><td>45.00</td><td>100.00</td></tr>
<tr><td>2110302</td><td>水体</td><td>0.00</td><td>45.00</td><td>45.00</td><td>&nbsp;</td><td>45.00</td><td>100.00</td></tr>
<tr><td>212</td><td>城乡社区支出</td><td>340.00</td><td>405.00</td><td>399.23</td><td>&nbsp;</td><td>399.23</td><td>98.58</td></tr>
<tr><td>21203</td><td>城乡社区公共设施</td><td>120.00</td><td>165.00</td><td>160.48</td><td>&nbsp;</td><td>160.48</td><td>97.26</td></tr>
<tr><td>2120399</td><td>其他城乡社区公共设施支出</td><td>120.00</td><td>165.00</td><td>160.48</td><td>&nbsp;</td><td>160.48</td><td>97.26</td></tr>
<tr><td>21205</td><td>城乡社区环境卫生</td><td>220.00</td><td>240.00</td><td>238.75</td><td>&nbsp;</td><td>238.75</td><td>99.48</td></tr>
<tr><td>2120501</td><td>城乡社区环境卫生</td><td>220.00</td><td>240.00</td><td>238.75</td><td>&nbsp;</td><td>238.75</td><td>99.48</td></tr>
<tr><td>213</td><td>农林水支出</td><td>916.70</td><td>1093.20</td><td>1090.90</td><td>236.90</td><td>854.00</td><td>99.79</td></tr>
<tr><td>21301</td><td>农业农村</td><td>230.50</td><td>237.00</td><td>236.90</td><td>236.90</td><td>&nbsp;</td><td>99.96</td></tr>
<tr><td>2130104</td><td>事业运行</td><td>230.50</td><td>237.00</td><td>236.90</td><td>236.90</td><td>&nbsp;</td><td>99.96</td></tr>
<tr><td>21303</td><td>水利</td><td>20.00</td><td>35.00</td><td>32.80</td><td>&nbsp;</td><td>32.80</td><td>93.71</td></tr>
<tr><td>2130314</td><td>防汛</td><td>20.00</td><td>35.00</td><td>32.80</td><td>&nbsp;</td><td>32.80</td><td>93.71</td></tr>
<tr><td>21305</td><td>巩固拓展脱贫攻坚成果衔接乡村振兴</td><td>0.00</td><td>120.00</td><td>120.00</td><td>&nbsp;</td><td>120.00</td><td>100.00</td></tr>
<tr><td>2130599</td><td>其他巩固脱贫攻坚成果衔接乡村振兴支出</td><td>0.00</td><td>120.00</td><td>120.00</td><td>&nbsp;</td><td>120.00</td><td>100.00</td></tr>
<tr><td>21307</td><td>农村综合改革</td><td>666.20</td><td>701.20</td><td>701.20</td><td>&nbsp;</td><td>701.20</td><td>100.00</td></tr>
<tr><td>2130701</td><td>对村级公益事业建设的补助</td><td>180.00</td><td>215.00</td><td>215.00</td><td>&nbsp;</td><td>215.00</td><td>100.00</td></tr>
<tr><td>2130705</td><td>对村民委员会和村党支部的补助</td><td>486.20</td><td>486.20</td><td>486.20</td><td>&nbsp;</td><td>486.20</td><td>100.00</td></tr>
<tr><td>221</td><td>住房保障支出</td><td>96.80</td><td>98.30</td><td>98.27</td><td>98.27</td><td>&nbsp;</td><td>99.97</td></tr>
<tr><td>22102</td><td>住房改革支出</td><td>96.80</td><td>98.30</td><td>98.27</td><td>98.27</td><td>&nbsp;</td><td>99.97</td></tr>
<tr><td>2210201</td><td>住房公积金</td><td>96.80</td><td>98.30</td><td>98.27</td><td>98.27</td><td>&nbsp;</td><td>99.97</td></tr>
<tr><td>224</td><td>灾害防治及应急管理支出</td><td>18.00</td><td>16.00</td><td>15.20</td><td>&nbsp;</td><td>15.20</td><td>95.00</td></tr>
<tr><td>22401</td><td>应急管理事务</td><td>18.00</td><td>16.00</td><td>15.20</td><td>&nbsp;</td><td>15.20</td><td>95.00</td></tr>
<tr><td>2240106</td><td>安全监管</td><td>18.00</td><td>16.00</td><td>15.20</td><td>&nbsp;</td><td>15.20</td><td>95.00</td></tr>
</table>
<p style="text-align:center;"><strong>一般公共预算财政拨款基本支出决算表</strong></p>
<p style="text-align:left;">公开06表&nbsp;&nbsp;&nbsp;&nbsp;部门：渼阳县湑岭镇人民政府&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:12px;">
<tr><td class="th">科目编码</td><td class="th">科目名称</td><td class="th">合计</td><td class="th">人员经费</td><td class="th">公用经费</td></tr>
<tr><td colspan="2" class="b">合计</td><td>2005.30</td><td>1742.07</td><td>263.23</td></tr>
<tr><td>301</td><td>工资福利支出</td><td>1668.17</td><td>1668.17</td><td>&nbsp;</td></tr>
<tr><td>30101</td><td>基本工资</td><td>318.46</td><td>318.46</td><td>&nbsp;</td></tr>
<tr><td>30102</td><td>津贴补贴</td><td>560.38</td><td>560.38</td><td>&nbsp;</td></tr>
<tr><td>30103</td><td>奖金</td><td>56.20</td><td>56.20</td><td>&nbsp;</td></tr>
<tr><td>30107</td><td>绩效工资</td><td>238.90</td><td>238.90</td><td>&nbsp;</td></tr>
<tr><td>30108</td><td>机关事业单位基本养老保险缴费</td><td>186.42</td><td>186.42</td><td>&nbsp;</td></tr>
<tr><td>30109</td><td>职业年金缴费</td><td>74.57</td><td>74.57</td><td>&nbsp;</td></tr>
<tr><td>30110</td><td>职工基本医疗保险缴费</td><td>84.50</td><td>84.50</td><td>&nbsp;</td></tr>
<tr><td>30112</td><td>其他社会保障缴费</td><td>9.86</td><td>9.86</td><td>&nbsp;</td></tr>
<tr><td>30113</td><td>住房公积金</td><td>98.27</td><td>98.27</td><td>&nbsp;</td></tr>
<tr><td>30199</td><td>其他工资福利支出</td><td>40.61</td><td>40.61</td><td>&nbsp;</td></tr>
<tr><td>302</td><td>商品和服务支出</td><td>255.88</td><td>&nbsp;</td><td>255.88</td></tr>
<tr><td>30201</td><td>办公费</td><td>38.45</td><td>&nbsp;</td><td>38.45</td></tr>
<tr><td>30202</td><td>印刷费</td><td>6.20</td><td>&nbsp;</td><td>6.20</td></tr>
<tr><td>30205</td><td>水费</td><td>4.18</td><td>&nbsp;</td><td>4.18</td></tr>
<tr><td>30206</td><td>电费</td><td>26.72</td><td>&nbsp;</td><td>26.72</td></tr>
<tr><td>30207</td><td>邮电费</td><td>8.36</td><td>&nbsp;</td><td>8.36</td></tr>
<tr><td>30211</td><td>差旅费</td><td>12.40</td><td>&nbsp;</td><td>12.40</td></tr>
<tr><td>30213</td><td>维修（护）费</td><td>18.90</td><td>&nbsp;</td><td>18.90</td></tr>
<tr><td>30215</td><td>会议费</td><td>3.85</td><td>&nbsp;</td><td>3.85</td></tr>
<tr><td>30216</td><td>培训费</td><td>5.60</td><td>&nbsp;</td><td>5.60</td></tr>
<tr><td>30217</td><td>公务接待费</td><td>4.37</td><td>&nbsp;</td><td>4.37</td></tr>
<tr><td>30226</td><td>劳务费</td><td>22.50</td><td>&nbsp;</td><td>22.50</td></tr>
<tr><td>30228</td><td>工会经费</td><td>14.32</td><td>&nbsp;</td><td>14.32</td></tr>
<tr><td>30229</td><td>福利费</td><td>10.80</td><td>&nbsp;</td><td>10.80</td></tr>
<tr><td>30231</td><td>公务用车运行维护费</td><td>10.86</td><td>&nbsp;</td><td>10.86</td></tr>
<tr><td>30239</td><td>其他交通费用</td><td>48.60</td><td>&nbsp;</td><td>48.60</td></tr>
<tr><td>30299</td><td>其他商品和服务支出</td><td>19.77</td><td>&nbsp;</td><td>19.77</td></tr>
<tr><td>303</td><td>对个人和家庭的补助</td><td>73.90</td><td>73.90</td><td>&nbsp;</td></tr>
<tr><td>30302</td><td>退休费</td><td>42.10</td><td>42.10</td><td>&nbsp;</td></tr>
<tr><td>30305</td><td>生活补助</td><td>28.60</td><td>28.60</td><td>&nbsp;</td></tr>
<tr><td>30309</td><td>奖励金</td><td>3.20</td><td>3.20</td><td>&nbsp;</td></tr>
<tr><td>310</td><td>资本性支出</td><td>7.35</td><td>&nbsp;</td><td>7.35</td></tr>
<tr><td>31002</td><td>办公设备购置</td><td>7.35</td><td>&nbsp;</td><td>7.35</td></tr>
</table>
<p style="text-align:center;"><strong>一般公共预算财政拨款“三公”经费支出决算表</strong></p>
<p style="text-align:left;">公开07表&nbsp;&nbsp;&nbsp;&nbsp;部门：渼阳县湑岭镇人民政府&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:12px;">
<tr><td colspan="6" class="th">预算数</td><td colspan="6" class="th">决算数</td></tr>
<tr><td rowspan="2" class="th">合计</td><td rowspan="2" class="th">因公出国（境）费</td><td colspan="3" class="th">公务用车购置及运行费</td><td rowspan="2" class="th">公务接待费</td><td rowspan="2" class="th">合计</td><td rowspan="2" class="th">因公出国（境）费</td><td colspan="3" class="th">公务用车购置及运行费</td><td rowspan="2" class="th">公务接待费</td></tr>
<tr><td class="th">小计</td><td class="th">公务用车购置费</td><td class="th">公务用车运行费</td><td class="th">小计</td><td class="th">公务用车购置费</td><td class="th">公务用车运行费</td></tr>
<tr><td>18.00</td><td>0.00</td><td>12.00</td><td>0.00</td><td>12.00</td><td>6.00</td><td>15.23</td><td>0.00</td><td>10.86</td><td>0.00</td><td>10.86</td><td>4.37</td></tr>
</table>
<p style="text-align:center;"><strong>政府性基金预算财政拨款收入支出决算表</strong></p>
<p style="text-align:left;">公开08表&nbsp;&nbsp;&nbsp;&nbsp;部门：渼阳县湑岭镇人民政府&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:12px;">
<tr><td rowspan="2" class="th">科目编码</td><td rowspan="2" class="th">科目名称</td><td rowspan="2" class="th">年初结转和结余</td><td rowspan="2" class="th">本年收入</td><td colspan="3" class="th">本年支出</td><td rowspan="2" class="th">年末结转和结余</td></tr>
<tr><td class="th">小计</td><td class="th">基本支出</td><td class="th">项目支出</td></tr>
<tr><td colspan="2" class="b">合计</td><td>320.00</td><td>1260.00</td><td>1436.80</td><td>0.00</td><td>1436.80</td><td>143.20</td></tr>
<tr><td>212</td><td>城乡社区支出</td><td>120.00</td><td>560.00</td><td>620.00</td><td>&nbsp;</td><td>620.00</td><td>60.00</td></tr>
<tr><td>21208</td><td>国有土地使用权出让收入安排的支出</td><td>120.00</td><td>560.00</td><td>620.00</td><td>&nbsp;</td><td>620.00</td><td>60.00</td></tr>
<tr><td>2120804</td><td>农村基础设施建设支出</td><td>120.00</td><td>560.00</td><td>620.00</td><td>&nbsp;</td><td>620.00</td><td>60.00</td></tr>
<tr><td>229</td><td>其他支出</td><td>200.00</td><td>700.00</td><td>816.80</td><td>&nbsp;</td><td>816.80</td><td>83.20</td></tr>
<tr><td>22904</td><td>其他政府性基金及对应专项债务收入安排的支出</td><td>200.00</td><td>640.00</td><td>760.00</td><td>&nbsp;</td><td>760.00</td><td>80.00</td></tr>
<tr><td>2290402</td><td>其他地方自行试点项目收益专项债券收入安排的支出</td><td>200.00</td><td>640.00</td><td>760.00</td><td>&nbsp;</td><td>760.00</td><td>80.00</td></tr>
<tr><td>22960</td><td>彩票公益金安排的支出</td><td>0.00</td><td>60.00</td><td>56.80</td><td>&nbsp;</td><td>56.80</td><td>3.20</td></tr>
<tr><td>2296002</td><td>用于社会福利的彩票公益金支出</td><td>0.00</td><td>60.00</td><td>56.80</td><td>&nbsp;</td><td>56.80</td><td>3.20</td></tr>
</table>
<p style="text-align:center;"><strong>国有资本经营预算财政拨款支出决算表</strong></p>
<p style="text-align:left;">公开09表&nbsp;&nbsp;&nbsp;&nbsp;部门：渼阳县湑岭镇人民政府&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;font-size:12px;">
<tr><td class="th">科目编码</td><td class="th">科目名称</td><td class="th">本年支出合计</td><td class="th">基本支出</td><td class="th">项目支出</td></tr>
<tr><td colspan="2" class="b">合计</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
</table>
<p style="text-indent:2em;font-size:12px;">注：本部门2024年度没有使用国有资本经营预算财政拨款安排的支出，故本表为空表。</p>
<p style="text-align:center;"><strong>第三部分　2024年度部门决算情况说明</strong></p>
<p style="text-indent:2em;"><strong>一、收入支出决算总体情况说明</strong></p>
<p style="text-indent:2em;">2024年度收入、支出决算总计均为5364.81万元。与2023年度相比，收、支总计各增加344.66万元，增长6.87%。主要原因是：一是湑岭集镇污水管网及处理设施建设项目（地方政府专项债券项目）进入集中建设期，政府性基金预算支出增加；二是年中追加湑岭河河道清淤和巩固拓展脱贫攻坚成果衔接乡村振兴资金。</p>
<p style="text-indent:2em;">其中，湑岭镇本级支出决算4320.18万元，湑岭镇农业农村综合服务中心支出决算412.37万元，湑岭镇社会事务综合服务中心支出决算356.84万元。</p>
<p style="text-indent:2em;"><strong>二、收入决算情况说明</strong></p>
<p style="text-indent:2em;">2024年度本年收入合计4850.29万元，比上年增加337.89万元，增长7.49%。其中：一般公共预算财政拨款收入3547.93万元，占73.15%；政府性基金预算财政拨款收入1260.00万元，占25.98%；其他收入42.36万元，占0.87%，主要是集体资产租赁收入和存款利息收入。本部门无国有资本经营预算财政拨款收入、上级补助收入、事业收入、经营收入和附属单位上缴收入。</p>
<p style="text-indent:2em;">年初结转和结余514.52万元，其中一般公共预算财政拨款结转和结余186.40万元，政府性基金预算财政拨款结转和结余320.00万元，其他资金结转和结余8.12万元。</p>
<p style="text-indent:2em;"><strong>三、支出决算情况说明</strong></p>
<p style="text-indent:2em;">2024年度本年支出合计5089.39万元，比上年增加436.52万元，增长9.38%。其中：基本支出2005.30万元，占39.40%；项目支出3084.09万元，占60.60%。本部门无上缴上级支出、经营支出和对附属单位补助支出。</p>
<p style="text-indent:2em;">年末结转和结余275.42万元，其中一般公共预算财政拨款结转和结余127.65万元，政府性基金预算财政拨款结转和结余143.20万元，其他资金结转和结余4.57万元。年末结转资金主要是跨年度实施的村级公益事业项目和专项债券项目尚未完成结算的工程尾款。</p>
<p style="text-indent:2em;"><strong>四、财政拨款收入支出决算总体情况说明</strong></p>
<p style="text-indent:2em;">2024年度财政拨款收入4807.93万元，其中一般公共预算财政拨款收入3547.93万元、政府性基金预算财政拨款收入1260.00万元；年初财政拨款结转和结余506.40万元。财政拨款支出5043.48万元，其中一般公共预算财政拨款支出3606.68万元、政府性基金预算财政拨款支出1436.80万元；年末财政拨款结转和结余270.85万元。</p>
<p style="text-indent:2em;"><strong>五、一般公共预算财政拨款支出决算情况说明</strong></p>
<p style="text-indent:2em;">（一）总体情况</p>
<p style="text-indent:2em;">2024年度一般公共预算财政拨款支出3606.68万元，占本年支出合计的70.87%。与2023年度相比，增加194.42万元，增长5.70%，主要原因是村级组织运转保障标准提高、农村人居环境整治投入增加，以及年中追加河道清淤和衔接乡村振兴资金。</p>
<p style="text-indent:2em;">2024年度一般公共预算财政拨款支出年初预算为3211.84万元，调整预算为3632.69万元，支出决算为3606.68万元，完成调整预算的99.28%。</p>
<p style="text-indent:2em;">（二）结构情况</p>
<p style="text-indent:2em;">2024年度一般公共预算财政拨款支出中，一般公共服务支出1490.79万元，占41.33%；公共安全支出18.50万元，占0.51%；文化旅游体育与传媒支出22.40万元，占0.62%；社会保障和就业支出341.89万元，占9.48%；卫生健康支出84.50万元，占2.34%；节能环保支出45.00万元，占1.25%；城乡社区支出399.23万元，占11.07%；农林水支出1090.90万元，占30.25%；住房保障支出98.27万元，占2.72%；灾害防治及应急管理支出15.20万元，占0.42%。</p>
<p style="text-indent:2em;">（三）具体情况</p>
<p style="text-indent:2em;">1．一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：年初预算为968.30万元，调整预算为1020.50万元，支出决算为1012.46万元，完成调整预算的99.21%。决算数小于调整预算数，主要原因是年内2名工作人员调出，人员经费相应减少。</p>
<p style="text-indent:2em;">2．一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）：年初预算为60.00万元，调整预算为98.00万元，支出决算为96.55万元，完成调整预算的98.52%。决算数大于年初预算数，主要原因是年中追加便民服务中心改造经费。</p>
<p style="text-indent:2em;">3．社会保障和就业支出（类）民政管理事务（款）基层政权建设和社区治理（项）：年初预算为50.00万元，调整预算为70.00万元，支出决算为68.30万元，完成调整预算的97.57%。决算数大于年初预算数，主要原因是年中追加社区网格化服务管理经费。</p>
<p style="text-indent:2em;">4．节能环保支出（类）污染防治（款）水体（项）：年初预算为0.00万元，调整预算为45.00万元，支出决算为45.00万元，完成调整预算的100.00%。年初未安排预算，年中追加湑岭河河道清淤及水质提升经费45.00万元，当年全部支出。</p>
<p style="text-indent:2em;">5．城乡社区支出（类）城乡社区公共设施（款）其他城乡社区公共设施支出（项）：年初预算为120.00万元，调整预算为165.00万元，支出决算为160.48万元，完成调整预算的97.26%。决算数大于年初预算数，主要原因是新增集镇路灯改造和农村公厕管护支出。</p>
<p style="text-indent:2em;">6．城乡社区支出（类）城乡社区环境卫生（款）城乡社区环境卫生（项）：年初预算为220.00万元，调整预算为240.00万元，支出决算为238.75万元，完成调整预算的99.48%。决算数大于年初预算数，主要原因是农村生活垃圾收运范围扩大至全部14个行政村。</p>
<p style="text-indent:2em;">7．农林水支出（类）水利（款）防汛（项）：年初预算为20.00万元，调整预算为35.00万元，支出决算为32.80万元，完成调整预算的93.71%。决算数大于年初预算数，主要原因是2024年汛期应急抢险支出增加。</p>
<p style="text-indent:2em;">8．农林水支出（类）巩固拓展脱贫攻坚成果衔接乡村振兴（款）其他巩固脱贫攻坚成果衔接乡村振兴支出（项）：年初预算为0.00万元，调整预算为120.00万元，支出决算为120.00万元，完成调整预算的100.00%。年初未安排预算，年中追加巩固拓展脱贫攻坚成果衔接乡村振兴补助资金，用于岭下村、石门村产业路建设。</p>
<p style="text-indent:2em;">9．农林水支出（类）农村综合改革（款）对村民委员会和村党支部的补助（项）：年初预算为486.20万元，调整预算为486.20万元，支出决算为486.20万元，完成调整预算的100.00%。决算数与年初预算数一致。</p>
<p style="text-indent:2em;">10．灾害防治及应急管理支出（类）应急管理事务（款）安全监管（项）：年初预算为18.00万元，调整预算为16.00万元，支出决算为15.20万元，完成调整预算的95.00%。决算数小于年初预算数，主要原因是安全生产专项检查部分工作由县应急管理局统筹开展。</p>
<p style="text-indent:2em;"><strong>六、一般公共预算财政拨款基本支出决算情况说明</strong></p>
<p style="text-indent:2em;">2024年度一般公共预算财政拨款基本支出2005.30万元，其中：人员经费1742.07万元，主要包括基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出、退休费、生活补助、奖励金；公用经费263.23万元，主要包括办公费、印刷费、水费、电费、邮电费、差旅费、维修（护）费、会议费、培训费、公务接待费、劳务费、工会经费、福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出、办公设备购置。</p>
<p style="text-indent:2em;"><strong>七、一般公共预算财政拨款“三公”经费支出决算情况说明</strong></p>
<p style="text-indent:2em;">2024年度“三公”经费支出预算为18.00万元，支出决算为15.23万元，完成预算的84.61%。决算数比上年减少1.27万元，下降7.70%。决算数小于预算数的主要原因是认真落实过紧日子要求，严格控制公务接待和车辆使用。</p>
<p style="text-indent:2em;">（一）因公出国（境）费：2024年度预算为0.00万元，支出决算为0.00万元。本部门2024年度未组织因公出国（境）团组。</p>
<p style="text-indent:2em;">（二）公务用车购置及运行费：2024年度预算为12.00万元，支出决算为10.86万元，完成预算的90.50%。其中：公务用车购置费支出决算0.00万元，本年未购置公务用车；公务用车运行费支出决算10.86万元，比上年减少0.56万元，主要用于应急保障用车和执法执勤用车的燃料费、维修费、过路过桥费、保险费等。截至2024年12月31日，本部门公务用车保有量3辆，其中应急保障用车2辆、执法执勤用车1辆。</p>
<p style="text-indent:2em;">（三）公务接待费：2024年度预算为6.00万元，支出决算为4.37万元，完成预算的72.83%，比上年减少0.71万元。全年国内公务接待38批次296人次，主要是接待上级部门检查指导、兄弟乡镇考察交流等。本部门无外事接待。</p>
<p style="text-indent:2em;"><strong>八、政府性基金预算财政拨款收入支出决算情况说明</strong></p>
<p style="text-indent:2em;">2024年度政府性基金预算财政拨款年初结转和结余320.00万元，本年收入1260.00万元，本年支出1436.80万元，年末结转和结余143.20万元。本年支出比上年增加238.50万元，增长19.90%，主要原因是专项债券项目建设进度加快。具体是：</p>
<p style="text-indent:2em;">1．城乡社区支出（类）国有土地使用权出让收入安排的支出（款）农村基础设施建设支出（项）620.00万元，用于湑岭镇美丽乡村基础设施提升工程；</p>
<p style="text-indent:2em;">2．其他支出（类）其他政府性基金及对应专项债务收入安排的支出（款）其他地方自行试点项目收益专项债券收入安排的支出（项）760.00万元，用于湑岭集镇污水管网及污水处理站建设项目。该项目总投资2680.00万元，其中使用地方政府专项债券资金1800.00万元，2023年、2024年累计发行到位1400.00万元；截至2024年底已建成污水主管网12.6公里；</p>
<p style="text-indent:2em;">3．其他支出（类）彩票公益金安排的支出（款）用于社会福利的彩票公益金支出（项）56.80万元，用于建设农村互助养老服务站点4个。</p>
<p style="text-indent:2em;"><strong>九、国有资本经营预算财政拨款支出决算情况说明</strong></p>
<p style="text-indent:2em;">本部门2024年度无国有资本经营预算财政拨款支出。</p>
<p style="text-indent:2em;"><strong>十、机关运行经费支出说明</strong></p>
<p style="text-indent:2em;">2024年度湑岭镇本级（行政单位）机关运行经费支出128.64万元，比上年减少7.26万元，下降5.34%，主要原因是压减一般性支出，办公费、差旅费和公务用车运行费减少。</p>
<p style="text-indent:2em;"><strong>十一、政府采购支出说明</strong></p>
<p style="text-indent:2em;">2024年度本部门政府采购支出总额486.30万元，其中：政府采购货物支出52.10万元、政府采购工程支出318.60万元、政府采购服务支出115.60万元。授予中小企业合同金额451.20万元，占政府采购支出总额的92.78%，其中授予小微企业合同金额389.45万元，占政府采购支出总额的80.08%。</p>
<p style="text-indent:2em;"><strong>十二、国有资产占用情况说明</strong></p>
<p style="text-indent:2em;">截至2024年12月31日，本部门共有车辆3辆，其中应急保障用车2辆、执法执勤用车1辆；单价50万元以上通用设备0台（套），单价100万元以上专用设备0台（套）。本部门办公用房建筑面积3,820平方米。</p>
<p style="text-indent:2em;"><strong>十三、预算绩效管理情况说明</strong></p>
<p style="text-indent:2em;">根据预算绩效管理要求，本部门组织对2024年度一般公共预算项目支出全面开展绩效自评，共涉及项目16个，资金1601.38万元，占一般公共预算项目支出总额的100%；对政府性基金预算项目3个开展绩效自评，涉及资金1436.80万元。从评价情况来看，项目总体完成较好。其中，湑岭集镇污水管网及污水处理站建设项目年度绩效目标为新建污水主管网12公里，实际完成12.6公里；集镇生活污水收集率由45%提高到78%；群众满意度达到93%，自评得分91分。农村生活垃圾收运项目实现14个行政村全覆盖，自评得分95分。</p>
<p style="text-align:center;"><strong>第四部分　名词解释</strong></p>
<p style="text-indent:2em;">1．一般公共预算财政拨款收入：指县级财政当年拨付的资金。</p>
<p style="text-indent:2em;">2．政府性基金预算财政拨款收入：指县级财政从政府性基金预算中拨付的资金，包括国有土地使用权出让收入、彩票公益金和地方政府专项债券资金等。</p>
<p style="text-indent:2em;">3．其他收入：指单位取得的除上述收入以外的各项收入，主要是集体资产租赁收入和存款利息收入等。</p>
<p style="text-indent:2em;">4．年初结转和结余：指以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金，或项目已完成等产生的结余资金。</p>
<p style="text-indent:2em;">5．年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金，或项目已完成等产生的结余资金。</p>
<p style="text-indent:2em;">6．地方政府专项债券：指省级政府为有一定收益的公益性项目发行的、以公益性项目对应的政府性基金收入或专项收入作为还本付息资金来源的政府债券，由省级政府转贷至市县使用。</p>
<p style="text-indent:2em;">7．基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。</p>
<p style="text-indent:2em;">8．项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。</p>
<p style="text-indent:2em;">9．“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。</p>
<p style="text-indent:2em;">10．机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务等的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。</p>
<p style="text-align:right;">渼阳县湑岭镇人民政府<br>2025年8月26日</p>
</div>
<div class="attach">附件：<a href="/module/download/downfile.jsp?classid=0&filename=2508261620.pdf">湑岭镇人民政府2024年度部门决算公开.pdf</a></div>
<div class="share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer"><p>主办：渼阳县人民政府办公室　承办：渼阳县大数据中心</p><p>网站标识码：3609990001　<a href="#">ICP备00000000号</a></p></div>
</body></html>