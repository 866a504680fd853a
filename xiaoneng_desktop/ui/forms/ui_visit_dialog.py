# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)
class Ui_VisitDialog(object):
    def setupUi(self, VisitDialog):
        if not VisitDialog.objectName():
            VisitDialog.setObjectName(u"VisitDialog")
        VisitDialog.resize(900, 620)
        self.grid = QGridLayout(VisitDialog)
        self.grid.setObjectName(u"grid")
        self.label_0 = QLabel(VisitDialog)
        self.label_0.setObjectName(u"label_0")
        self.label_0.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_0, 0, 0, 1, 1)

        self.visited_row = QHBoxLayout()
        self.visited_row.setObjectName(u"visited_row")
        self.visited_at = QDateTimeEdit(VisitDialog)
        self.visited_at.setObjectName(u"visited_at")
        self.visited_at.setCalendarPopup(True)

        self.visited_row.addWidget(self.visited_at)

        self.category_label = QLabel(VisitDialog)
        self.category_label.setObjectName(u"category_label")
        self.category_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.visited_row.addWidget(self.category_label)

        self.category = QComboBox(VisitDialog)
        self.category.setObjectName(u"category")

        self.visited_row.addWidget(self.category)

        self.purpose_label = QLabel(VisitDialog)
        self.purpose_label.setObjectName(u"purpose_label")
        self.purpose_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.visited_row.addWidget(self.purpose_label)

        self.purpose = QComboBox(VisitDialog)
        self.purpose.setObjectName(u"purpose")

        self.visited_row.addWidget(self.purpose)

        self.visited_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.visited_row.addItem(self.visited_row_spacer)


        self.grid.addLayout(self.visited_row, 0, 1, 1, 1)

        self.visited_at_error = QLabel(VisitDialog)
        self.visited_at_error.setObjectName(u"visited_at_error")
        self.visited_at_error.setStyleSheet(u"color: #c62828;")
        self.visited_at_error.setWordWrap(True)

        self.grid.addWidget(self.visited_at_error, 1, 1, 1, 1)

        self.category_errors = QHBoxLayout()
        self.category_errors.setObjectName(u"category_errors")
        self.category_error = QLabel(VisitDialog)
        self.category_error.setObjectName(u"category_error")
        self.category_error.setStyleSheet(u"color: #c62828;")
        self.category_error.setWordWrap(True)

        self.category_errors.addWidget(self.category_error)

        self.purpose_error = QLabel(VisitDialog)
        self.purpose_error.setObjectName(u"purpose_error")
        self.purpose_error.setStyleSheet(u"color: #c62828;")
        self.purpose_error.setWordWrap(True)

        self.category_errors.addWidget(self.purpose_error)


        self.grid.addLayout(self.category_errors, 2, 1, 1, 1)

        self.label_1 = QLabel(VisitDialog)
        self.label_1.setObjectName(u"label_1")
        self.label_1.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_1, 3, 0, 1, 1)

        self.id_row = QHBoxLayout()
        self.id_row.setObjectName(u"id_row")
        self.id_number = QLineEdit(VisitDialog)
        self.id_number.setObjectName(u"id_number")
        self.id_number.setMaxLength(24)
        self.id_number.setMinimumSize(QSize(230, 0))

        self.id_row.addWidget(self.id_number)

        self.id_hint = QLabel(VisitDialog)
        self.id_hint.setObjectName(u"id_hint")

        self.id_row.addWidget(self.id_hint)

        self.id_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.id_row.addItem(self.id_row_spacer)


        self.grid.addLayout(self.id_row, 3, 1, 1, 1)

        self.id_number_error = QLabel(VisitDialog)
        self.id_number_error.setObjectName(u"id_number_error")
        self.id_number_error.setStyleSheet(u"color: #c62828;")
        self.id_number_error.setWordWrap(True)

        self.grid.addWidget(self.id_number_error, 4, 1, 1, 1)

        self.label_2 = QLabel(VisitDialog)
        self.label_2.setObjectName(u"label_2")
        self.label_2.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_2, 5, 0, 1, 1)

        self.phone_row = QHBoxLayout()
        self.phone_row.setObjectName(u"phone_row")
        self.phone = QLineEdit(VisitDialog)
        self.phone.setObjectName(u"phone")
        self.phone.setMinimumSize(QSize(230, 0))

        self.phone_row.addWidget(self.phone)

        self.phone_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.phone_row.addItem(self.phone_row_spacer)


        self.grid.addLayout(self.phone_row, 5, 1, 1, 1)

        self.phone_error = QLabel(VisitDialog)
        self.phone_error.setObjectName(u"phone_error")
        self.phone_error.setStyleSheet(u"color: #c62828;")
        self.phone_error.setWordWrap(True)

        self.grid.addWidget(self.phone_error, 6, 1, 1, 1)

        self.label_3 = QLabel(VisitDialog)
        self.label_3.setObjectName(u"label_3")
        self.label_3.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_3, 7, 0, 1, 1)

        self.name_row = QHBoxLayout()
        self.name_row.setObjectName(u"name_row")
        self.name = QLineEdit(VisitDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(30)

        self.name_row.addWidget(self.name)

        self.name_matches = QComboBox(VisitDialog)
        self.name_matches.setObjectName(u"name_matches")
        self.name_matches.setMinimumSize(QSize(300, 0))

        self.name_row.addWidget(self.name_matches)


        self.grid.addLayout(self.name_row, 7, 1, 1, 1)

        self.name_error = QLabel(VisitDialog)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setStyleSheet(u"color: #c62828;")
        self.name_error.setWordWrap(True)

        self.grid.addWidget(self.name_error, 8, 1, 1, 1)

        self.label_4 = QLabel(VisitDialog)
        self.label_4.setObjectName(u"label_4")
        self.label_4.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_4, 9, 0, 1, 1)

        self.persons_row = QHBoxLayout()
        self.persons_row.setObjectName(u"persons_row")
        self.persons = QSpinBox(VisitDialog)
        self.persons.setObjectName(u"persons")
        self.persons.setMinimum(0)
        self.persons.setMaximum(9999)
        self.persons.setValue(1)

        self.persons_row.addWidget(self.persons)

        self.group_hint = QLabel(VisitDialog)
        self.group_hint.setObjectName(u"group_hint")

        self.persons_row.addWidget(self.group_hint)

        self.persons_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.persons_row.addItem(self.persons_row_spacer)


        self.grid.addLayout(self.persons_row, 9, 1, 1, 1)

        self.persons_error = QLabel(VisitDialog)
        self.persons_error.setObjectName(u"persons_error")
        self.persons_error.setStyleSheet(u"color: #c62828;")
        self.persons_error.setWordWrap(True)

        self.grid.addWidget(self.persons_error, 10, 1, 1, 1)

        self.label_5 = QLabel(VisitDialog)
        self.label_5.setObjectName(u"label_5")
        self.label_5.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_5, 11, 0, 1, 1)

        self.address = QLineEdit(VisitDialog)
        self.address.setObjectName(u"address")

        self.grid.addWidget(self.address, 11, 1, 1, 1)

        self.address_error = QLabel(VisitDialog)
        self.address_error.setObjectName(u"address_error")
        self.address_error.setStyleSheet(u"color: #c62828;")
        self.address_error.setWordWrap(True)

        self.grid.addWidget(self.address_error, 12, 1, 1, 1)

        self.label_6 = QLabel(VisitDialog)
        self.label_6.setObjectName(u"label_6")
        self.label_6.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_6, 13, 0, 1, 1)

        self.matter = QPlainTextEdit(VisitDialog)
        self.matter.setObjectName(u"matter")
        self.matter.setTabChangesFocus(True)

        self.grid.addWidget(self.matter, 13, 1, 1, 1)

        self.matter_error = QLabel(VisitDialog)
        self.matter_error.setObjectName(u"matter_error")
        self.matter_error.setStyleSheet(u"color: #c62828;")
        self.matter_error.setWordWrap(True)

        self.grid.addWidget(self.matter_error, 14, 1, 1, 1)

        self.label_7 = QLabel(VisitDialog)
        self.label_7.setObjectName(u"label_7")
        self.label_7.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_7, 15, 0, 1, 1)

        self.responder_row = QHBoxLayout()
        self.responder_row.setObjectName(u"responder_row")
        self.first_responder = QComboBox(VisitDialog)
        self.first_responder.setObjectName(u"first_responder")
        self.first_responder.setEditable(True)
        self.first_responder.setMinimumSize(QSize(160, 0))

        self.responder_row.addWidget(self.first_responder)

        self.leader_hint = QLabel(VisitDialog)
        self.leader_hint.setObjectName(u"leader_hint")

        self.responder_row.addWidget(self.leader_hint)

        self.responder_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.responder_row.addItem(self.responder_row_spacer)


        self.grid.addLayout(self.responder_row, 15, 1, 1, 1)

        self.first_responder_error = QLabel(VisitDialog)
        self.first_responder_error.setObjectName(u"first_responder_error")
        self.first_responder_error.setStyleSheet(u"color: #c62828;")
        self.first_responder_error.setWordWrap(True)

        self.grid.addWidget(self.first_responder_error, 16, 1, 1, 1)

        self.button_box = QDialogButtonBox(VisitDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Save|QDialogButtonBox.Cancel)

        self.grid.addWidget(self.button_box, 17, 0, 1, 2)

        self.history_box = QGroupBox(VisitDialog)
        self.history_box.setObjectName(u"history_box")
        self.history_box.setMinimumSize(QSize(300, 0))
        self.history_layout = QVBoxLayout(self.history_box)
        self.history_layout.setObjectName(u"history_layout")
        self.history_summary = QLabel(self.history_box)
        self.history_summary.setObjectName(u"history_summary")
        self.history_summary.setWordWrap(True)

        self.history_layout.addWidget(self.history_summary)

        self.history_list = QListWidget(self.history_box)
        self.history_list.setObjectName(u"history_list")
        self.history_list.setWordWrap(True)
        self.history_list.setSpacing(3)
        self.history_list.setAlternatingRowColors(True)

        self.history_layout.addWidget(self.history_list)


        self.grid.addWidget(self.history_box, 0, 2, 18, 1)

        QWidget.setTabOrder(self.visited_at, self.category)
        QWidget.setTabOrder(self.category, self.purpose)
        QWidget.setTabOrder(self.purpose, self.id_number)
        QWidget.setTabOrder(self.id_number, self.phone)
        QWidget.setTabOrder(self.phone, self.name)
        QWidget.setTabOrder(self.name, self.name_matches)
        QWidget.setTabOrder(self.name_matches, self.persons)
        QWidget.setTabOrder(self.persons, self.address)
        QWidget.setTabOrder(self.address, self.matter)
        QWidget.setTabOrder(self.matter, self.first_responder)
        QWidget.setTabOrder(self.first_responder, self.button_box)

        self.retranslateUi(VisitDialog)

        QMetaObject.connectSlotsByName(VisitDialog)
    # setupUi

    def retranslateUi(self, VisitDialog):
        VisitDialog.setWindowTitle(QCoreApplication.translate("VisitDialog", u"\u6765\u8bbf\u767b\u8bb0", None))
        self.label_0.setText(QCoreApplication.translate("VisitDialog", u"\u6765\u8bbf\u65f6\u95f4*", None))
        self.visited_at.setDisplayFormat(QCoreApplication.translate("VisitDialog", u"yyyy-MM-dd HH:mm", None))
        self.category_label.setText(QCoreApplication.translate("VisitDialog", u"\u95ee\u9898\u7c7b\u522b*", None))
        self.purpose_label.setText(QCoreApplication.translate("VisitDialog", u"\u4fe1\u8bbf\u76ee\u7684", None))
        self.label_1.setText(QCoreApplication.translate("VisitDialog", u"\u8eab\u4efd\u8bc1\u53f7", None))
        self.id_number.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"18\u4f4d\uff1b\u6765\u8bbf\u4eba\u4e0d\u613f\u63d0\u4f9b\u53ef\u4e0d\u586b", None))
        self.id_hint.setStyleSheet(QCoreApplication.translate("VisitDialog", u"color: #546e7a;", None))
        self.label_2.setText(QCoreApplication.translate("VisitDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u624b\u673a\u6216\u56fa\u5b9a\u7535\u8bdd\uff0c\u5982 0736-7212345", None))
        self.label_3.setText(QCoreApplication.translate("VisitDialog", u"\u59d3\u540d*", None))
        self.name.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u96c6\u4f53\u8bbf\u586b\u5199\u4ee3\u8868\u59d3\u540d", None))
        self.label_4.setText(QCoreApplication.translate("VisitDialog", u"\u6765\u8bbf\u4eba\u6570*", None))
        self.persons.setSuffix(QCoreApplication.translate("VisitDialog", u" \u4eba", None))
        self.group_hint.setStyleSheet(QCoreApplication.translate("VisitDialog", u"color: #e65100;", None))
        self.label_5.setText(QCoreApplication.translate("VisitDialog", u"\u5355\u4f4d\u6216\u4f4f\u5740", None))
        self.address.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u5982\uff1a\u57ce\u5173\u9547\u5efa\u8bbe\u8def12\u53f7\u3001\u00d7\u00d7\u6751\u00d7\u7ec4", None))
        self.label_6.setText(QCoreApplication.translate("VisitDialog", u"\u6765\u8bbf\u4e8b\u7531*", None))
        self.matter.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u53cd\u6620\u7684\u95ee\u9898\u548c\u8bc9\u6c42", None))
        self.label_7.setText(QCoreApplication.translate("VisitDialog", u"\u9996\u95ee\u8d23\u4efb\u4eba*", None))
        self.leader_hint.setStyleSheet(QCoreApplication.translate("VisitDialog", u"color: #1565c0;", None))
        self.history_box.setTitle(QCoreApplication.translate("VisitDialog", u"\u8be5\u6765\u8bbf\u4eba\u4ee5\u524d\u7684\u6765\u8bbf", None))
        self.history_summary.setText(QCoreApplication.translate("VisitDialog", u"\u8f93\u5165\u8eab\u4efd\u8bc1\u53f7\u6216\u7535\u8bdd\u540e\u663e\u793a\u4ee5\u524d\u7684\u6765\u8bbf\u8bb0\u5f55\u3002", None))
    # retranslateUi

