package io.oppflow.demo.internal;

import java.util.List;
import java.util.Random;

/** Customer, project and contact names that read like a Chinese B2B sales pipeline. */
final class DemoNames {

  record Industry(String zh, String en) {}

  record Project(String zh, String en) {}

  record Person(String name, String title) {}

  static final List<Industry> INDUSTRIES = List.of(new Industry("精密制造", "manufacturing"),
      new Industry("医药", "pharmaceuticals"), new Industry("物流", "logistics"), new Industry("零售", "retail"),
      new Industry("能源", "energy"), new Industry("电子", "electronics"), new Industry("食品", "food"),
      new Industry("建材", "building materials"), new Industry("汽车零部件", "automotive parts"),
      new Industry("化工", "chemicals"));
  private static final List<String> BRANDS = List.of("恒信", "瑞丰", "华兴", "金泰", "中誉", "博远", "鼎盛", "新元",
      "海纳", "联创", "天宇", "正和", "永安", "德润", "嘉禾", "启明");
  private static final List<String> SUFFIXES = List.of("集团", "股份有限公司", "有限公司", "科技有限公司");
  private static final List<Project> PROJECTS = List.of(new Project("ERP 升级", "ERP upgrade"),
      new Project("财务共享中心", "shared finance centre"), new Project("供应链协同平台", "supply-chain collaboration"),
      new Project("人力资源系统", "HR system"), new Project("MES 实施", "MES rollout"),
      new Project("CRM 选型", "CRM selection"), new Project("数据中台建设", "data platform"),
      new Project("协同办公 OA", "office collaboration"));
  private static final List<String> PEOPLE = List.of("王强", "李娜", "张伟", "刘敏", "陈静", "杨光", "赵晨", "黄海",
      "周洁", "吴昊", "徐明", "孙悦", "马骏", "朱琳", "胡斌", "郭涛");
  private static final List<String> DECIDERS = List.of("CIO 信息总监", "CFO 财务总监", "总经理 General manager");
  private static final List<String> OTHERS = List.of("IT 经理 IT manager", "采购经理 Purchasing manager",
      "财务经理 Finance manager");
  static final List<String> COMPETITORS = List.of("金蝶 Kingdee", "浪潮 Inspur", "SAP", "Oracle", "鼎捷 Digiwin");

  private DemoNames() {}

  static String customer(Random random, String city, Industry industry) {
    return city + pick(random, BRANDS) + industry.zh() + pick(random, SUFFIXES);
  }

  static Project project(Random random) {
    return pick(random, PROJECTS);
  }

  static Person decider(Random random) {
    return new Person(pick(random, PEOPLE), pick(random, DECIDERS));
  }

  static Person colleague(Random random) {
    return new Person(pick(random, PEOPLE), pick(random, OTHERS));
  }

  static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
