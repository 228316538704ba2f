#!/usr/bin/env python3
"""示例数据: invented district data for the Wuxi tree example (Scenarios/wuxi-2025.toml).

Nothing written here is published. The street and town names are real; every number is invented
with a fixed seed, so that running this script again writes the same files. 梁溪区 is not here: the
tree names its real published data (Scenarios/liangxi/) by reference.

Each district gets: dataset.toml, targets.csv (its own targets per year, 示例数据) and, where it has
history, streets-2024.csv (an invented 2024 分解表). Three districts differ on purpose:
- 新吴区 also keeps a 2025 分解表 of its own (streets-2025.csv): the city must take its totals as they are;
- 经开区 starts its plan in 2025 with no street history at all (baselines from size weights);
- 江阴市 and 宜兴市 are counties of towns (镇) and streets (街道), larger than the districts.
"""
import os
import random

random.seed(20250101)

HERE = os.path.dirname(os.path.abspath(__file__))

# district folder, name, towns/streets, 2024 total of 新招引科技型企业, own 2025 target, plan years
DISTRICTS = [
    ("jiangyin", "江阴市", ["澄江街道", "南闸街道", "云亭街道", "申港街道", "夏港街道", "利港街道", "璜土镇", "月城镇",
                          "青阳镇", "徐霞客镇", "华士镇", "周庄镇", "新桥镇", "长泾镇", "顾山镇", "祝塘镇"], 1700, 1850, [2024, 2025, 2026]),
    ("yixing", "宜兴市", ["宜城街道", "屺亭街道", "新街街道", "新庄街道", "芳桥街道", "丁蜀镇", "和桥镇", "高塍镇",
                        "官林镇", "张渚镇", "徐舍镇", "周铁镇", "万石镇", "杨巷镇"], 1100, 1200, [2024, 2025, 2026]),
    ("xishan", "锡山区", ["东亭街道", "安镇街道", "东北塘街道", "厚桥街道", "羊尖镇", "鹅湖镇", "锡北镇", "东港镇"], 900, 1000, [2024, 2025, 2026]),
    ("huishan", "惠山区", ["堰桥街道", "长安街道", "钱桥街道", "前洲街道", "玉祁街道", "洛社镇", "阳山镇"], 1000, 1100, [2024, 2025, 2026]),
    ("binhu", "滨湖区", ["河埒街道", "荣巷街道", "蠡园街道", "蠡湖街道", "马山街道", "胡埭镇"], 1100, 1200, [2024, 2025, 2026]),
    ("xinwu", "新吴区", ["旺庄街道", "硕放街道", "江溪街道", "梅村街道", "鸿山街道", "新安街道"], 1600, 1700, [2024, 2025, 2026]),
    ("jingkai", "经开区", ["华庄街道", "太湖街道", "雪浪街道"], 0, 600, [2025, 2026, 2027]),
]

# id, action, name, unit, kind, parent, aliases; share of 新招引科技型企业 for the targets
LINES = [
    ("new_tech_firms", "科技企业倍增行动计划", "新招引科技型企业", "家", "count", "", "新增科技型企业", 1.0),
    ("core_ip_firms", "科技企业倍增行动计划", "其中:拥有核心知识产权科技型企业家数", "家", "count", "new_tech_firms", "", 0.3),
    ("hitech_applications", "科技企业倍增行动计划", "高新技术企业申报数", "家", "count", "", "", 0.25),
    ("tech_contracts", "科技企业倍增行动计划", "技术合同成交额", "亿元", "amount", "", "", 0.05),
    ("rd_staff_growth", "科技企业倍增行动计划", "研发人员增速", "%", "rate", "", "", None),
]


def split(total, weights, whole=True):
    s = sum(weights)
    raw = [total * w / s for w in weights]
    if not whole:
        # In hundredths, largest remainders first, so the areas add up to the total exactly.
        return [v / 100 for v in split(int(round(total * 100)), weights)]
    values = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (values[i] - raw[i], i))
    for i in order[: total - sum(values)]:
        values[i] += 1
    return values


def fmt(v):
    return str(v) if isinstance(v, int) else f"{v:.2f}"


for folder, region, areas, total2024, own2025, years in DISTRICTS:
    path = os.path.join(HERE, folder)
    os.makedirs(path, exist_ok=True)
    weights = [round(random.uniform(0.5, 2.0), 2) for _ in areas]
    with open(os.path.join(path, "targets.csv"), "w", encoding="utf-8") as f:
        f.write("id,action,name,unit,kind,parent,aliases," + ",".join(map(str, years)) + "\n")
        for lid, action, name, unit, kind, parent, aliases, ratio in LINES:
            cells = []
            for y in years:
                base = total2024 if (y < 2025 and total2024 > 0) else own2025 * (1.1 ** (y - 2025))
                if kind == "rate":
                    cells.append("15")
                elif kind == "amount":
                    cells.append(f"{base * ratio:.2f}")
                else:
                    cells.append(str(int(round(base * ratio))))
            f.write(f"{lid},{action},{name},{unit},{kind},{parent},{aliases}," + ",".join(cells) + "\n")
    tables = []
    if total2024 > 0:
        for year, total in [(2024, total2024)] + ([(2025, own2025)] if folder == "xinwu" else []):
            name = f"streets-{year}.csv"
            with open(os.path.join(path, name), "w", encoding="utf-8") as f:
                f.write("id,name,unit," + ",".join(areas) + "\n")
                firms = split(total, weights)
                for lid, action, lname, unit, kind, parent, aliases, ratio in LINES:
                    if kind == "rate":
                        values = ["15"] * len(areas)
                    elif lid == "new_tech_firms":
                        values = [str(v) for v in firms]
                    elif kind == "amount":
                        values = [fmt(v) for v in split(total * ratio, weights, whole=False)]
                    else:
                        line = split(int(round(total * ratio)), [w * random.uniform(0.8, 1.2) for w in weights])
                        if parent:
                            line = [min(v, p) for v, p in zip(line, firms)]
                        values = [str(v) for v in line]
                    f.write(f"{lid},{lname},{unit}," + ",".join(values) + "\n")
            tables.append((year, name))
    with open(os.path.join(path, "dataset.toml"), "w", encoding="utf-8") as f:
        f.write(f"# 示例数据: {region}'s invented data for the Wuxi tree example (made by ../make_wuxi.py).\n")
        f.write(f'region = "{region}"\n')
        f.write("areas = [" + ", ".join(f'"{a}"' for a in areas) + "]\n")
        f.write("plan_years = [" + ", ".join(map(str, years)) + "]\n\n")
        f.write('[targets]\nfile = "targets.csv"\nsource = "示例数据 (make_wuxi.py)"\nillustrative = true\n')
        for year, name in tables:
            f.write(f'\n[[tables]]\nyear = {year}\nkind = "target"\nfile = "{name}"\n')
            f.write(f'source = "示例数据: {year} 分解表 (make_wuxi.py)"\nillustrative = true\n')
