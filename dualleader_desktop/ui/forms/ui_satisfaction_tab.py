# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'satisfaction_tab.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

from dualleader_desktop.ui.widgets.date_field import DateField

class Ui_SatisfactionTab(object):
    def setupUi(self, SatisfactionTab):
        if not SatisfactionTab.objectName():
            SatisfactionTab.setObjectName(u"SatisfactionTab")
        SatisfactionTab.resize(1000, 600)
        self.tabLayout = QVBoxLayout(SatisfactionTab)
        self.tabLayout.setObjectName(u"tabLayout")
        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.secretaryLabel = QLabel(SatisfactionTab)
        self.secretaryLabel.setObjectName(u"secretaryLabel")

        self.formGrid.addWidget(self.secretaryLabel, 0, 0, 1, 1)

        self.secretaryEdit = QLineEdit(SatisfactionTab)
        self.secretaryEdit.setObjectName(u"secretaryEdit")

        self.formGrid.addWidget(self.secretaryEdit, 0, 1, 1, 1)

        self.surveyDateLabel = QLabel(SatisfactionTab)
        self.surveyDateLabel.setObjectName(u"surveyDateLabel")

        self.formGrid.addWidget(self.surveyDateLabel, 0, 2, 1, 1)

        self.surveyDate = DateField(SatisfactionTab)
        self.surveyDate.setObjectName(u"surveyDate")
        self.surveyDate.setMinimumSize(QSize(132, 0))

        self.formGrid.addWidget(self.surveyDate, 0, 3, 1, 1)

        self.respondentsLabel = QLabel(SatisfactionTab)
        self.respondentsLabel.setObjectName(u"respondentsLabel")

        self.formGrid.addWidget(self.respondentsLabel, 0, 4, 1, 1)

        self.respondentsSpin = QSpinBox(SatisfactionTab)
        self.respondentsSpin.setObjectName(u"respondentsSpin")
        self.respondentsSpin.setMaximum(9999)

        self.formGrid.addWidget(self.respondentsSpin, 0, 5, 1, 1)

        self.headlineLabel = QLabel(SatisfactionTab)
        self.headlineLabel.setObjectName(u"headlineLabel")

        self.formGrid.addWidget(self.headlineLabel, 1, 0, 1, 1)

        self.headlineCombo = QComboBox(SatisfactionTab)
        self.headlineCombo.setObjectName(u"headlineCombo")

        self.formGrid.addWidget(self.headlineCombo, 1, 1, 1, 3)

        self.formGrid.setColumnStretch(1, 1)

        self.tabLayout.addLayout(self.formGrid)

        self.toolsRow = QHBoxLayout()
        self.toolsRow.setObjectName(u"toolsRow")
        self.addItemButton = QPushButton(SatisfactionTab)
        self.addItemButton.setObjectName(u"addItemButton")

        self.toolsRow.addWidget(self.addItemButton)

        self.removeItemButton = QPushButton(SatisfactionTab)
        self.removeItemButton.setObjectName(u"removeItemButton")

        self.toolsRow.addWidget(self.removeItemButton)

        self.sheetEntryButton = QPushButton(SatisfactionTab)
        self.sheetEntryButton.setObjectName(u"sheetEntryButton")

        self.toolsRow.addWidget(self.sheetEntryButton)

        self.clearSheetsButton = QPushButton(SatisfactionTab)
        self.clearSheetsButton.setObjectName(u"clearSheetsButton")

        self.toolsRow.addWidget(self.clearSheetsButton)

        self.sheetsLabel = QLabel(SatisfactionTab)
        self.sheetsLabel.setObjectName(u"sheetsLabel")
        self.sheetsLabel.setStyleSheet(u"color: #555;")

        self.toolsRow.addWidget(self.sheetsLabel)

        self.toolsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolsRow.addItem(self.toolsSpacer)


        self.tabLayout.addLayout(self.toolsRow)

        self.itemsView = QTableView(SatisfactionTab)
        self.itemsView.setObjectName(u"itemsView")

        self.tabLayout.addWidget(self.itemsView)

        self.overallLabel = QLabel(SatisfactionTab)
        self.overallLabel.setObjectName(u"overallLabel")
        self.overallLabel.setWordWrap(True)

        self.tabLayout.addWidget(self.overallLabel)

        self.problemsLabel = QLabel(SatisfactionTab)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.tabLayout.addWidget(self.problemsLabel)

#if QT_CONFIG(shortcut)
        self.secretaryLabel.setBuddy(self.secretaryEdit)
        self.surveyDateLabel.setBuddy(self.surveyDate)
        self.respondentsLabel.setBuddy(self.respondentsSpin)
        self.headlineLabel.setBuddy(self.headlineCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.secretaryEdit, self.surveyDate)
        QWidget.setTabOrder(self.surveyDate, self.respondentsSpin)
        QWidget.setTabOrder(self.respondentsSpin, self.headlineCombo)
        QWidget.setTabOrder(self.headlineCombo, self.addItemButton)
        QWidget.setTabOrder(self.addItemButton, self.removeItemButton)
        QWidget.setTabOrder(self.removeItemButton, self.sheetEntryButton)
        QWidget.setTabOrder(self.sheetEntryButton, self.clearSheetsButton)
        QWidget.setTabOrder(self.clearSheetsButton, self.itemsView)

        self.retranslateUi(SatisfactionTab)

        QMetaObject.connectSlotsByName(SatisfactionTab)
    # setupUi

    def retranslateUi(self, SatisfactionTab):
        SatisfactionTab.setWindowTitle(QCoreApplication.translate("SatisfactionTab", u"\u53cc\u5e26\u5934\u4eba\u6ee1\u610f\u5ea6\u6d4b\u8bc4", None))
        self.secretaryLabel.setText(QCoreApplication.translate("SatisfactionTab", u"\u88ab\u6d4b\u8bc4\u4e66\u8bb0(&M)", None))
        self.secretaryEdit.setPlaceholderText(QCoreApplication.translate("SatisfactionTab", u"\u5728\u201c\u652f\u90e8\u8bbe\u7f6e\u201d\u767b\u8bb0\u4e66\u8bb0\u540e\u81ea\u52a8\u586b\u5165", None))
#if QT_CONFIG(tooltip)
        self.secretaryEdit.setToolTip(QCoreApplication.translate("SatisfactionTab", u"\u672c\u5e74\u5ea6\u7684\u652f\u90e8\u4e66\u8bb0\uff1b\u4e5f\u53ef\u76f4\u63a5\u586b\u5199\u59d3\u540d", None))
#endif // QT_CONFIG(tooltip)
        self.surveyDateLabel.setText(QCoreApplication.translate("SatisfactionTab", u"\u6d4b\u8bc4\u65e5\u671f(&D)", None))
        self.respondentsLabel.setText(QCoreApplication.translate("SatisfactionTab", u"\u53c2\u4e0e\u6d4b\u8bc4\u4eba\u6570(&P)", None))
        self.respondentsSpin.setSuffix(QCoreApplication.translate("SatisfactionTab", u" \u4eba", None))
#if QT_CONFIG(tooltip)
        self.respondentsSpin.setToolTip(QCoreApplication.translate("SatisfactionTab", u"\u4ea4\u56de\u6d4b\u8bc4\u8868\u7684\u4eba\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.headlineLabel.setText(QCoreApplication.translate("SatisfactionTab", u"\u7ed3\u679c\u4ee5\u6b64\u4e3a\u51c6(&H)", None))
#if QT_CONFIG(tooltip)
        self.headlineCombo.setToolTip(QCoreApplication.translate("SatisfactionTab", u"\u7edf\u8ba1\u8868\u548c\u6587\u4e66\u4ee5\u54ea\u4e00\u79cd\u6ee1\u610f\u7387\u4f5c\u4e3a\u6d4b\u8bc4\u7ed3\u679c\uff08\u4e24\u79cd\u90fd\u4f1a\u5217\u51fa\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.addItemButton.setText(QCoreApplication.translate("SatisfactionTab", u"\u6dfb\u52a0\u9879\u76ee(&A)", None))
#if QT_CONFIG(tooltip)
        self.addItemButton.setToolTip(QCoreApplication.translate("SatisfactionTab", u"\u6dfb\u52a0\u4e00\u4e2a\u6d4b\u8bc4\u9879\u76ee\uff0c\u540d\u79f0\u76f4\u63a5\u5728\u8868\u4e2d\u586b\u5199", None))
#endif // QT_CONFIG(tooltip)
        self.removeItemButton.setText(QCoreApplication.translate("SatisfactionTab", u"\u5220\u9664\u9879\u76ee", None))
#if QT_CONFIG(tooltip)
        self.removeItemButton.setToolTip(QCoreApplication.translate("SatisfactionTab", u"\u5220\u9664\u9009\u4e2d\u7684\u6d4b\u8bc4\u9879\u76ee", None))
#endif // QT_CONFIG(tooltip)
        self.sheetEntryButton.setText(QCoreApplication.translate("SatisfactionTab", u"\u9010\u5f20\u5f55\u5165\u6d4b\u8bc4\u8868\u2026(&W)", None))
#if QT_CONFIG(tooltip)
        self.sheetEntryButton.setToolTip(QCoreApplication.translate("SatisfactionTab", u"\u628a\u6536\u56de\u7684\u6d4b\u8bc4\u8868\u4e00\u5f20\u4e00\u5f20\u5f55\u5165\uff0c\u6309\u952e\u5373\u586b\uff08Alt+W\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.clearSheetsButton.setText(QCoreApplication.translate("SatisfactionTab", u"\u6e05\u9664\u6d4b\u8bc4\u8868\uff0c\u6539\u586b\u7968\u6570", None))
#if QT_CONFIG(tooltip)
        self.clearSheetsButton.setToolTip(QCoreApplication.translate("SatisfactionTab", u"\u5220\u9664\u9010\u5f20\u5f55\u5165\u7684\u6d4b\u8bc4\u8868\uff0c\u56de\u5230\u76f4\u63a5\u586b\u5199\u7968\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.sheetsLabel.setText("")
        self.overallLabel.setText("")
        self.problemsLabel.setText("")
    # retranslateUi

