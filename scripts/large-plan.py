#!/usr/bin/env python3
"""Writes a large synthetic plan (for timing): large-plan.py TASKS UNITS > plan.toml"""
import sys

tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
units = int(sys.argv[2]) if len(sys.argv) > 2 else 200
print('[plan]\nid = "large"\ntitle = "大型测试计划"\nissuer = "测试"\nissued = 2022-05-24\nyear = 2022\n')
for u in range(units):
    print(f'[[unit]]\nid = "u{u}"\nname = "市测试单位{u}局"\naliases = ["测试单位{u}"]\n')
print('[[group]]\nid = "all"\nname = "市政府各部门"\nmembers = [' + ", ".join(f'"u{u}"' for u in range(units)) + "]\n")
phrases = ["2022年10月底", "全年持续推进", "每月更新", "2022年底前", "根据政策时限及时推进"]
for t in range(tasks):
    a, b = t % units, (t * 7 + 3) % units
    print(f'[[task]]\nid = "{t + 1}"\ntopic = "第{t % 40}类重点任务"\n'
          f'content = "加强第{t + 1}项政务信息公开，按要求在政府门户网站及时发布有关信息，并做好政策解读工作。"\n'
          f'responsible = "市测试单位{a}局牵头，测试单位{b}局、市政府各部门配合"\n'
          f'deadline = "{phrases[t % len(phrases)]}"\n')
